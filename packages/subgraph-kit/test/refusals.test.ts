import { describe, expect, it } from 'vitest';
import { checkCatalogues, chooseLanguage, defineRefusals, fillTemplate, kitRefusals, withLanguage } from '../src/index.js';

describe('I1: refusals in the person language', () => {
  it('chooses the token language, else Accept-Language (q-values, regions), else Japanese', () => {
    expect(chooseLanguage({ language: 'en' }, 'ja')).toBe('en');
    expect(chooseLanguage({ language: 'ja' }, 'en-US,en;q=0.9')).toBe('ja');
    expect(chooseLanguage(null, 'en-GB,en;q=0.9,ja;q=0.5')).toBe('en');
    expect(chooseLanguage(null, 'fr-FR, en;q=0.2, ja;q=0.8')).toBe('ja');
    expect(chooseLanguage({}, 'fr, de')).toBe('ja');
    expect(chooseLanguage(null, null)).toBe('ja');
    expect(chooseLanguage(null, '')).toBe('ja');
  });

  it('writes a refusal in the request language with its code, rule and field', () => {
    const ja = kitRefusals.refuse('guestsMayNot');
    expect(ja.message).toBe('ゲストはこの操作を行えません。');
    expect(ja.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'T2' });
    const en = withLanguage('en', () => kitRefusals.refuse('pageSize', { max: 100, value: '0' }));
    expect(en.message).toBe('`first` must be between 1 and 100; it was 0.');
    expect(en.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('the kit catalogue has Japanese and English text for every refusal, with the same placeholders', () => {
    expect(checkCatalogues(kitRefusals)).toEqual([]);
  });

  it('the check fails on a refusal left without Japanese, left in English, or with other placeholders', () => {
    const broken = defineRefusals(
      { a: { code: 'FORBIDDEN' }, b: { code: 'FORBIDDEN' }, c: { code: 'NOT_FOUND' } },
      { ja: { a: '', b: 'Not translated.', c: '{x} が見つかりません。' }, en: { a: 'A.', b: 'B.', c: '{y} was not found.' } },
    );
    expect(checkCatalogues(broken)).toEqual([
      'a: no Japanese text',
      'b: the Japanese text has no Japanese in it: "Not translated."',
      'c: the placeholders differ (ja: x; en: y)',
    ]);
  });

  it('a missing parameter is a loud bug, not a message with a hole', () => {
    expect(fillTemplate('{n} 席', { n: 5 })).toBe('5 席');
    expect(() => fillTemplate('{n} 席', {})).toThrow(/no value for \{n\}/);
  });
});
