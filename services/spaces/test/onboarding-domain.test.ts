import { describe, expect, it } from 'vitest';
import { normaliseSubdomain, refuseMemberBeyondSeats, refuseRemovingMember, refuseSubdomain, RESERVED_SUBDOMAINS, tenantIdFor } from '../src/domain/onboarding.js';
import { passwordSetupLink, passwordSetupState } from '../src/domain/password-setup.js';
import type { Refusal } from '../src/domain/spaces.js';
import { spacesRefusals } from '../src/refusals/refusals.js';
import { DEFAULT_MAIL_FROM, mailFromOf } from '../src/mail.js';
import { passwordSetupMail } from '../src/mail-templates.js';

/** A refusal's English text (I1: the rules answer keys; the text comes from the catalogue). */
const en = (refusal: Refusal) => (refusal ? spacesRefusals.messageOf(refusal, 'en') : null);

describe('T4: sub-domain rules', () => {
  it.each(['abc', 'acme', 'sakura-trading', 'a1-b2-c3', 'x'.repeat(32), 'kyodoya-support'])('T4: "%s" may name a tenant', (subdomain) => {
    expect(refuseSubdomain(subdomain)).toBeNull();
  });

  it.each([
    ['ab', /3 to 32/],
    ['x'.repeat(33), /3 to 32/],
    ['1abc', /starts with a letter/],
    ['-abc', /starts with a letter/],
    ['abc-', /end with a hyphen/],
    ['ab--c', /double hyphen/],
    ['ab_c', /lower-case letters/],
    ['Abc', /lower-case letters/],
    ['ab.c', /lower-case letters/],
    ['さくら', /lower-case letters|3 to 32/],
  ])('T4: "%s" is refused', (subdomain, reason) => {
    expect(en(refuseSubdomain(subdomain))).toMatch(reason);
    expect(en(refuseSubdomain(subdomain))).toMatch(/\(T4\)\.$/);
    expect(spacesRefusals.messageOf(refuseSubdomain(subdomain)!, 'ja')).toMatch(/サブドメイン.*\(T4\)。$/);
  });

  it('T4: every reserved name is refused, and only those', () => {
    expect([...RESERVED_SUBDOMAINS].sort()).toEqual(['admin', 'api', 'app', 'files', 'graphql', 'internal', 'kyodo', 'login', 'mail', 'metrics', 'status', 'support', 'www']);
    for (const name of RESERVED_SUBDOMAINS) expect(refuseSubdomain(name)).toEqual({ key: 'subdomainReserved', params: { subdomain: name } });
  });

  it("T4: the vendor's own hosts are reserved: graphql, files, internal, metrics, login and every kyodo-… name", () => {
    for (const name of ['graphql', 'files', 'internal', 'metrics', 'login', 'kyodo-status', 'kyodo-cdn']) expect(en(refuseSubdomain(name))).toMatch(/reserved.*\(T4\)/);
    // only the prefix with its hyphen: a customer whose name merely starts with the letters keeps it
    expect(refuseSubdomain('kyodoya')).toBeNull();
    expect(refuseSubdomain('my-kyodo')).toBeNull();
  });

  it('T4: sub-domains are compared trimmed and lower-cased, as sign-in reads them', () => {
    expect(normaliseSubdomain('  Sakura-Trading ')).toBe('sakura-trading');
  });

  it('T4: a sub-domain always names the same tenant id (a retried onboarding is idempotent), a version-5 UUID, distinct per sub-domain', () => {
    expect(tenantIdFor('sakura-trading')).toBe(tenantIdFor('sakura-trading'));
    expect(tenantIdFor('sakura-trading')).not.toBe(tenantIdFor('momiji-kogyo'));
    expect(tenantIdFor('sakura-trading')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('T5/T2: seats and administrators', () => {
  it('T5: a member may be added while the active members are fewer than the seats', () => {
    expect(refuseMemberBeyondSeats(4, 5)).toBeNull();
    expect(en(refuseMemberBeyondSeats(5, 5))).toMatch(/All 5 member seats.*\(T5\)/);
    expect(en(refuseMemberBeyondSeats(0, 0))).toMatch(/\(T5\)/);
    // issue 18 #3: the limit from a later day an ordered decrease takes effect is named with that day
    expect(en(refuseMemberBeyondSeats(5, 5, '2027-03-01'))).toMatch(/leaves 5 member seats from 2027-03-01.*\(T5\)/);
    expect(refuseMemberBeyondSeats(4, 5, '2027-03-01')).toBeNull();
  });

  it('T2: the last administrator cannot be removed; a member or one of two administrators can', () => {
    expect(en(refuseRemovingMember({ isAdmin: true }, 1))).toMatch(/last administrator/);
    expect(refuseRemovingMember({ isAdmin: true }, 2)).toBeNull();
    expect(refuseRemovingMember({ isAdmin: false }, 1)).toBeNull();
  });
});

describe('T4: set-password links and mail', () => {
  const now = new Date('2027-01-05T01:00:00Z');
  it('T4: a link is single use and expires at the exact instant', () => {
    const expiresAt = new Date('2027-01-12T01:00:00Z');
    expect(passwordSetupState({ usedAt: null, expiresAt }, now)).toBe('VALID');
    expect(passwordSetupState({ usedAt: now, expiresAt }, now)).toBe('USED');
    expect(passwordSetupState({ usedAt: null, expiresAt }, expiresAt)).toBe('EXPIRED');
  });

  it('links are built from PUBLIC_URL (a trailing slash or not)', () => {
    expect(passwordSetupLink('https://kyodo.example/', 'a b')).toBe('https://kyodo.example/set-password?token=a%20b');
  });

  it('a JA tenant gets Japanese first and the English after it; an EN tenant the English alone', () => {
    const facts = { name: '佐藤 花子', tenantName: 'さくら商事', subdomain: 'sakura', link: 'https://kyodo.example/set-password?token=t', expiresAt: new Date('2027-01-12T01:00:00Z'), firstAdmin: true };
    const ja = passwordSetupMail('JA' as never, facts);
    const text = ja.paragraphs.join('\n');
    expect(ja.subject.indexOf('パスワード設定')).toBeLessThan(ja.subject.indexOf('Set your password'));
    expect(text.indexOf('最初の管理者')).toBeLessThan(text.indexOf('first administrator'));
    expect(text).toContain('2027-01-12 10:00 (JST)');
    const en = passwordSetupMail('EN' as never, facts);
    expect(en.subject).toBe('[Kyodo] Set your password for さくら商事');
    expect(en.paragraphs.join('\n')).not.toContain('パスワード');
  });

  it('the sender comes from MAIL_FROM, checked: a header with a line break is refused', () => {
    expect(mailFromOf({ env: {} })).toBe(DEFAULT_MAIL_FROM);
    expect(mailFromOf({ env: { MAIL_FROM: 'Kyodo <no-reply@kyodo.example>' } })).toBe('Kyodo <no-reply@kyodo.example>');
    expect(mailFromOf({ env: { MAIL_FROM: 'no-reply@kyodo.example' } })).toBe('no-reply@kyodo.example');
    expect(() => mailFromOf({ env: { MAIL_FROM: 'Kyodo <a@b.example>\r\nBcc: x@evil.example' } })).toThrow(/MAIL_FROM/);
    expect(() => mailFromOf({ env: { MAIL_FROM: 'not an address' } })).toThrow(/MAIL_FROM/);
  });
});
