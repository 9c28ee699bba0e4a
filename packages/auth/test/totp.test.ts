import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, generateTotpSecret, hotp, totpAt, totpUri, verifyTotp } from '../src/totp.js';

// T3: the second factor is RFC 6238; these are the RFC's own test vectors (SHA-1, 8 digits).
describe('TOTP (T3, RFC 6238)', () => {
  const key = Buffer.from('12345678901234567890');
  const vectors: Array<[number, string]> = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  it.each(vectors)('at %i s gives %s', (seconds, expected) => {
    expect(hotp(key, Math.floor(seconds / 30), 8)).toBe(expected);
  });

  it('base32 round-trips', () => {
    expect(base32Encode(key)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ').equals(key)).toBe(true);
  });

  it('accepts the current code and one step of drift, refuses older ones and junk', () => {
    const secret = generateTotpSecret();
    const now = new Date('2026-11-21T10:00:15Z');
    expect(verifyTotp(secret, totpAt(secret, now), now)).toBe(true);
    expect(verifyTotp(secret, totpAt(secret, new Date(now.getTime() - 30_000)), now)).toBe(true);
    expect(verifyTotp(secret, totpAt(secret, new Date(now.getTime() - 90_000)), now)).toBe(false);
    expect(verifyTotp(secret, 'abcdef', now)).toBe(false);
    expect(verifyTotp(secret, '1234567', now)).toBe(false);
  });

  it('builds an otpauth URI authenticator apps read', () => {
    const uri = new URL(totpUri('JBSWY3DPEHPK3PXP', 'admin@demo.example'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXP');
    expect(uri.searchParams.get('issuer')).toBe('Kyodo');
  });
});
