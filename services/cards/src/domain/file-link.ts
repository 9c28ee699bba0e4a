import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * C3/C5: a link to a file the cards service serves (an image, an export). It is handed out only
 * after the visibility or export check, names exactly one stored file, and expires: whoever holds
 * it may fetch that file until then, nothing else. Signed with HMAC-SHA256.
 */
export interface FileLink {
  /** The store key (image) or export id. */
  key: string;
  kind: 'image' | 'export';
  /** Epoch milliseconds. */
  expiresAt: number;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function mac(secret: Buffer, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

export function signFileLink(secret: Buffer, link: FileLink): string {
  const body = b64url(JSON.stringify({ k: link.key, t: link.kind, e: link.expiresAt }));
  return `${body}.${b64url(mac(secret, body))}`;
}

/** The link, or why it is refused: a bad signature and an expired link are told apart for the client. */
export function verifyFileLink(secret: Buffer, token: string, now: Date): FileLink | 'invalid' | 'expired' {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return 'invalid';
  const expected = mac(secret, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  let parsed: { k?: unknown; t?: unknown; e?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as typeof parsed;
  } catch {
    return 'invalid';
  }
  if (typeof parsed.k !== 'string' || (parsed.t !== 'image' && parsed.t !== 'export') || typeof parsed.e !== 'number') return 'invalid';
  if (parsed.e <= now.getTime()) return 'expired';
  return { key: parsed.k, kind: parsed.t, expiresAt: parsed.e };
}
