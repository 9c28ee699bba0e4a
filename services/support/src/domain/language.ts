/** P2: support is given in Japanese only. */
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/** Whether the text has any Japanese in it (hiragana, katakana or kanji). */
export function containsJapanese(text: string): boolean {
  return JAPANESE.test(text);
}

/** What a customer whose ticket has no Japanese is told (in both languages, so they can read it). */
export const JAPANESE_ONLY_NOTICE =
  'サポートは日本語でのみ承っております。回答は日本語でお送りします。 / Support is given in Japanese only: your ticket was received and will be answered in Japanese.';
