import { describe, expect, it } from 'vitest';
import { checkedText, checkText, withLanguage } from '../src/index.js';

describe('text inputs: no control characters, NFC (one check for every subgraph)', () => {
  it('one-line text refuses every C0 and C1 control character, DEL and U+2028/U+2029, naming the field and the character', () => {
    const forbidden = [...Array.from({ length: 0x20 }, (_, i) => i), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i), 0x2028, 0x2029];
    for (const code of forbidden) {
      const checked = checkText(`ab${String.fromCodePoint(code)}`, 'name');
      expect(checked.problem, code.toString(16)).toBe(`name は制御文字を含まない 1 行のテキストにしてください（3 文字目に U+${code.toString(16).toUpperCase().padStart(4, '0')}）。`);
      expect(withLanguage('en', () => checkText(`ab${String.fromCodePoint(code)}`, 'name').problem)).toBe(`name must be one line of text without control characters (found U+${code.toString(16).toUpperCase().padStart(4, '0')} at position 3).`);
    }
    expect(() => checkedText('a\u0000', 'subject')).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'subject' } }));
  });

  it('ordinary text passes unchanged: Japanese, emoji, spaces, full-width forms', () => {
    for (const text of ['山田 太郎', 'ｶﾀｶﾅ and ＡＢＣ', 'Zoë 🎉', "O'Reilly <b>", '']) expect(checkText(text, 'name')).toEqual({ text, problem: null });
  });

  it('multi-line text keeps LF and tab, turns CRLF and CR into LF, and still refuses NUL, ESC, VT, FF and C1', () => {
    expect(checkText('a\r\nb\rc\n\td', 'body', 'multiLine')).toEqual({ text: 'a\nb\nc\n\td', problem: null });
    for (const c of ['\u0000', '\u001b', '\u000b', '\u000c', '\u0085', '\u2028']) expect(withLanguage('en', () => checkText(`x${c}`, 'body', 'multiLine').problem)).toMatch(/^body may hold line breaks and tabs but no other control characters/);
  });

  it('normalises to NFC (composed kana and accents), not NFKC (width is kept)', () => {
    expect(checkText('か\u3099', 'name').text).toBe('が');
    expect(checkText('e\u0301', 'name').text).toBe('é');
    expect(checkText('ｶﾞ', 'name').text).toBe('ｶﾞ');
  });

  it('verbatim text (a password) is neither checked nor rewritten', () => {
    expect(checkText('pa\u0000ss か\u3099', 'password', 'verbatim')).toEqual({ text: 'pa\u0000ss か\u3099', problem: null });
  });
});
