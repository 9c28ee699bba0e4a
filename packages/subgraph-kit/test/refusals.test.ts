import { describe, expect, it } from 'vitest';
import { checkCatalogues, chooseLanguage, defineRefusals, fillTemplate, kitRefusals, ThrownRefusal, withLanguage, type RefusalOf } from '../src/index.js';

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

  describe('a refusal as data (a domain rule answers it; the service words it)', () => {
    const seats = defineRefusals(
      { seatsOver: { code: 'QUOTA_EXCEEDED', rule: 'T5', field: 'quantity' }, dateLate: { code: 'BAD_USER_INPUT', rule: 'L16' } },
      { ja: { seatsOver: '{max} 席を超えます。', dateLate: '日付が遅すぎます。' }, en: { seatsOver: 'More than {max} seats.', dateLate: 'The date is too late.' } },
    );
    const over: RefusalOf<'seatsOver'> = { key: 'seatsOver', params: { max: 10 } };

    it('refuseWith: the GraphQL error of its key and params, in the request language, with the rule and the field', () => {
      const ja = seats.refuseWith(over);
      expect(ja.message).toBe('10 席を超えます。');
      expect(ja.extensions).toEqual({ code: 'QUOTA_EXCEEDED', rule: 'T5', field: 'quantity' });
      expect(withLanguage('en', () => seats.refuseWith(over).message)).toBe('More than 10 seats.');
    });

    it('refuseWith: the refusal field overrides the definition one; its extensions, then the caller ones, are added', () => {
      const error = seats.refuseWith({ key: 'seatsOver', params: { max: 10 }, field: 'memberSeats', extensions: { memberSeats: 10, reason: 'A' } }, { reason: 'B' });
      expect(error.extensions).toEqual({ code: 'QUOTA_EXCEEDED', rule: 'T5', field: 'memberSeats', memberSeats: 10, reason: 'B' });
      expect(seats.refuseWith({ key: 'dateLate', field: 'orderDate' }).extensions).toEqual({ code: 'BAD_USER_INPUT', rule: 'L16', field: 'orderDate' });
      expect(seats.refuseWith({ key: 'dateLate' }).extensions).toEqual({ code: 'BAD_USER_INPUT', rule: 'L16' });
    });

    it('messageOf: its text in the language asked, whatever the request language', () => {
      expect(seats.messageOf(over, 'en')).toBe('More than 10 seats.');
      expect(withLanguage('en', () => seats.messageOf(over, 'ja'))).toBe('10 席を超えます。');
      expect(() => seats.messageOf({ key: 'seatsOver' }, 'ja')).toThrow(/no value for \{max\}/);
    });

    it('thrown: an Error with the code, the field and the English text, that refuseWith words in the request language', () => {
      const error = seats.thrown({ key: 'dateLate', field: 'orderDate' });
      expect(error).toBeInstanceOf(ThrownRefusal);
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ key: 'dateLate', code: 'BAD_USER_INPUT', field: 'orderDate', message: 'The date is too late.' });
      expect(seats.thrown(over).field).toBe('quantity');
      expect(seats.refuseWith(error).message).toBe('日付が遅すぎます。');
      expect(seats.refuseWith(error).extensions).toEqual({ code: 'BAD_USER_INPUT', rule: 'L16', field: 'orderDate' });
    });

    it('isThrown: true for its own thrown refusals only, not for another catalogue with the same key nor for other errors', () => {
      const other = defineRefusals({ dateLate: { code: 'BAD_USER_INPUT', rule: 'L16' } }, { ja: { dateLate: '遅い。' }, en: { dateLate: 'Late.' } });
      expect(seats.isThrown(seats.thrown(over))).toBe(true);
      expect(seats.isThrown(other.thrown({ key: 'dateLate' }))).toBe(false);
      expect(seats.isThrown(new Error('More than 10 seats.'))).toBe(false);
      expect(seats.isThrown(over)).toBe(false);
    });
  });
});
