import { describe, expect, it } from 'vitest';
import { signFileLinkToken, verifyFileLinkToken } from '../src/file-links.js';

const secret = Buffer.from('a file-link secret for this test only');
const now = new Date('2027-01-01T00:00:00Z');
const link = { key: 'tenant/card/front.png', kind: 'image' as const, expiresAt: now.getTime() + 60_000 };

describe('signed file links (C3, Q1)', () => {
  it('a signed link verifies; an expired one is told apart; another kind is refused', () => {
    const token = signFileLinkToken(secret, link);
    expect(verifyFileLinkToken(secret, token, now, ['image'])).toEqual(link);
    expect(verifyFileLinkToken(secret, token, new Date(link.expiresAt), ['image'])).toBe('expired');
    expect(verifyFileLinkToken(secret, token, now, ['export'])).toBe('invalid');
    expect(verifyFileLinkToken(Buffer.from('another secret'), token, now, ['image'])).toBe('invalid');
  });

  it('every other spelling of the signature is refused, even one that decodes to the same bytes', () => {
    const token = signFileLinkToken(secret, link);
    const [body, signature] = token.split('.') as [string, string];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = signature.at(-1)!;
    // a 32-byte HMAC is 43 characters: the last one carries 4 bits, so 3 other characters decode alike
    const sameBytes = [...alphabet].filter((c) => c !== last && Buffer.from(signature.slice(0, -1) + c, 'base64url').equals(Buffer.from(signature, 'base64url')));
    expect(sameBytes).toHaveLength(3);
    for (const c of alphabet) {
      if (c === last) continue;
      expect(verifyFileLinkToken(secret, `${body}.${signature.slice(0, -1)}${c}`, now, ['image'])).toBe('invalid');
    }
  });
});
