import type { RefusalOf } from '@kyodo/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { channelRefusal, emailLicenceRefusal, endOfSupportRefusal } from '../src/domain/intake.js';
import { containsJapanese } from '../src/domain/language.js';
import { findCategory, outOfScopeAnswer, SUPPORT_CATEGORIES, unknownCategoryRefusal } from '../src/domain/scope.js';
import { supportRefusals, type SupportRefusalKey } from '../src/refusals/refusals.js';

/** A domain refusal as an English reader gets it (null stays null). */
const inEnglish = (refusal: RefusalOf<SupportRefusalKey> | null) => refusal && supportRefusals.messageOf(refusal, 'en');

describe('support intake rules', () => {
  it('P2: FAX is refused for everyone; customers write ONLINE or EMAIL, agents record PHONE, EMAIL, REMOTE', () => {
    expect(inEnglish(channelRefusal('FAX', 'CUSTOMER'))).toBe('FAX is not a support channel (P2): use the online form, e-mail, phone or a remote session.');
    expect(inEnglish(channelRefusal('FAX', 'AGENT'))).toMatch(/FAX is not a support channel/);
    expect(channelRefusal('ONLINE', 'CUSTOMER')).toBeNull();
    expect(channelRefusal('EMAIL', 'CUSTOMER')).toBeNull();
    expect(inEnglish(channelRefusal('PHONE', 'CUSTOMER'))).toMatch(/recorded by the support agent/);
    expect(channelRefusal('PHONE', 'AGENT')).toBeNull();
    expect(channelRefusal('REMOTE', 'AGENT')).toBeNull();
    expect(inEnglish(channelRefusal('ONLINE', 'AGENT'))).toMatch(/customer's own channel/);
  });

  const licences = [
    { customerNumber: '123456', productId: 'dezie' },
    { customerNumber: '123456', productId: 'kyodo' },
  ];
  it.each([
    [null, 'dezie', /needs your customer number/],
    ['12345', 'dezie', /not valid.*6-digit/],
    ['12a456', 'dezie', /not valid/],
    ['654321', 'dezie', /654321 does not match/],
    ['123456', 'other', /"other" is not on the licence/],
  ])('P3: e-mail with customer number %s and product %s is refused', (number, product, message) => {
    expect(inEnglish(emailLicenceRefusal(number, product, licences))).toMatch(message);
  });

  it('P3: the right customer number and a licensed product pass; no record at all is refused', () => {
    expect(emailLicenceRefusal(' 123456 ', 'kyodo', licences)).toBeNull();
    expect(inEnglish(emailLicenceRefusal('123456', 'dezie', []))).toMatch(/no licence certificate on record/);
  });

  it('P5: Dezie 6 is supported through 2012-01-31 and refused from 2012-02-01, with a plain message', () => {
    const dezie6 = { productName: 'Dezie', version: '6', endOfSupport: '2012-01-31' };
    expect(endOfSupportRefusal(dezie6, '2012-01-31')).toBeNull();
    expect(endOfSupportRefusal(dezie6, '2012-02-01')).toEqual({ key: 'supportEnded', params: { product: 'Dezie', version: '6', endOfSupport: '2012-01-31' } });
    expect(inEnglish(endOfSupportRefusal(dezie6, '2012-02-01'))).toBe(
      'Support for Dezie 6 ended on 2012-01-31 (P5), so no ticket can be opened for it. Please upgrade to a supported version.',
    );
    expect(endOfSupportRefusal({ productName: 'Dezie', version: '7', endOfSupport: null }, '2099-01-01')).toBeNull();
  });

  it('P2: Japanese is detected in hiragana, katakana or kanji; Latin text is not Japanese', () => {
    expect(containsJapanese('インストールできません')).toBe(true);
    expect(containsJapanese('Error ですね')).toBe(true);
    expect(containsJapanese('漢字')).toBe(true);
    expect(containsJapanese('The installer fails with error 500.')).toBe(false);
    expect(containsJapanese('Ｆｕｌｌｗｉｄｔｈ ＡＢＣ 123')).toBe(false);
  });

  it('P4: the categories are the in-scope and out-of-scope lists of the support policy', () => {
    expect(SUPPORT_CATEGORIES.filter((c) => c.inScope).map((c) => c.code)).toEqual([
      'INSTALLATION',
      'OPERATION',
      'FEATURES',
      'SERVER_SETTINGS',
      'SUPPORTED_ENVIRONMENT_PROBLEM',
      'VERSION_UPGRADE',
      'KNOWN_BUGS',
    ]);
    expect(SUPPORT_CATEGORIES.filter((c) => !c.inScope).map((c) => c.code)).toEqual([
      'CUSTOMISATION',
      'HARDWARE',
      'OS',
      'NETWORK',
      'OTHER_VENDOR',
      'UNSUPPORTED_ENVIRONMENT',
      'HANDS_ON_WORK',
      'SYSTEM_DESIGN',
    ]);
    expect(inEnglish(unknownCategoryRefusal('BILLING'))).toMatch(/"BILLING" is not a support category.*INSTALLATION.*CUSTOMISATION/);
    const answer = outOfScopeAnswer(findCategory('CUSTOMISATION')!);
    expect(answer).toMatch(/対象範囲外/);
    expect(containsJapanese(answer)).toBe(true);
  });
});
