import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SubgraphDeps } from './definition.js';

/**
 * A signed, expiring link to one file a subgraph serves (cards: images and exports, C3/C5;
 * licensing: invoice PDFs, Q1). It is handed out only after the caller's access was checked,
 * names exactly one file, and expires: whoever holds it may fetch that file until then, nothing
 * else. HMAC-SHA256 over the key, the kind and the expiry. The gateway forwards the path.
 */
export interface SignedFileLink<K extends string = string> {
  /** What the subgraph looks the file up by (a store key, an export or invoice id). */
  key: string;
  kind: K;
  /** Epoch milliseconds. */
  expiresAt: number;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function mac(secret: Buffer, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

export function signFileLinkToken(secret: Buffer, link: SignedFileLink): string {
  const body = b64url(JSON.stringify({ k: link.key, t: link.kind, e: link.expiresAt }));
  return `${body}.${b64url(mac(secret, body))}`;
}

/** The link, or why it is refused: a bad signature (or a kind not in `kinds`) and an expired link are told apart for the client. */
export function verifyFileLinkToken<K extends string>(secret: Buffer, token: string, now: Date, kinds: readonly K[]): SignedFileLink<K> | 'invalid' | 'expired' {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return 'invalid';
  // compared as text: base64url decoding ignores the spare low bits of the last character, so a
  // signature with that character changed would decode to the same bytes and pass a byte compare
  const expected = Buffer.from(b64url(mac(secret, body)));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  let parsed: { k?: unknown; t?: unknown; e?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as typeof parsed;
  } catch {
    return 'invalid';
  }
  if (typeof parsed.k !== 'string' || !kinds.includes(parsed.t as K) || typeof parsed.e !== 'number') return 'invalid';
  if (parsed.e <= now.getTime()) return 'expired';
  return { key: parsed.k, kind: parsed.t as K, expiresAt: parsed.e };
}

const processSecret = randomBytes(32);

/**
 * The key that signs one subgraph's file links (`purpose` keeps each subgraph's apart): derived
 * from the gateway secret, which every instance shares (a link from one replica works on
 * another); without one (local runs), a key for this process only.
 */
export function fileLinkSecretFor(deps: Pick<SubgraphDeps, 'gatewaySecret'>, purpose: string): Buffer {
  if (!deps.gatewaySecret) return processSecret;
  return createHmac('sha256', deps.gatewaySecret).update(purpose).digest();
}
