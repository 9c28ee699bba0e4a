/** C2: what OCR found on a card, before an operator checks it. Best effort: every field may be missing. */
export interface ReadFields {
  name: string | null;
  company: string | null;
  title: string | null;
  email: string | null;
  phones: string[];
  url: string | null;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const URL_TEXT = /(?:https?:\/\/|www\.)[^\s,、]+/i;
const PHONE = /\+?\(?\d[\d\s\-().]{7,}\d/;
const FAX_LABEL = /^\s*(fax|ｆａｘ|ファックス|ファクス)/i;
const COMPANY = /(株式会社|有限会社|合同会社|\(株\)|（株）|\b(inc|ltd|llc|corp|corporation|co\.|company|gmbh|limited)\b)/i;
const TITLE = /(部長|課長|係長|主任|社長|取締役|代表|執行役員|本部長|室長|\b(manager|director|president|ceo|cto|cfo|engineer|officer|head|lead|vice|chief|consultant|representative)\b)/i;
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー';

/** Tesseract puts spaces between Japanese characters; they are not in the card. */
export function tidyLine(line: string): string {
  return line
    .replace(new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'gu'), '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * C2: fields from the text OCR read, by simple rules: e-mail, URL and phones by pattern (a line
 * labelled fax is not a phone); the company is the line with a company form (株式会社, Inc., Ltd...),
 * the title the line with a title word; the name is the first other short line without digits.
 */
export function parseCardText(text: string): ReadFields {
  const lines = text.split(/\r?\n/).map(tidyLine).filter(Boolean);
  const result: ReadFields = { name: null, company: null, title: null, email: null, phones: [], url: null };
  const rest: string[] = [];
  for (const line of lines) {
    const email = EMAIL.exec(line)?.[0];
    if (email) {
      result.email ??= email.toLowerCase();
      continue;
    }
    const url = URL_TEXT.exec(line)?.[0];
    if (url) {
      result.url ??= /^https?:\/\//i.test(url) ? url : `https://${url}`;
      continue;
    }
    const phone = PHONE.exec(line)?.[0];
    if (phone && phone.replace(/\D/g, '').length >= 9) {
      if (!FAX_LABEL.test(line)) result.phones.push(phone.trim());
      continue;
    }
    if (!result.company && COMPANY.test(line)) {
      result.company = line;
      continue;
    }
    if (!result.title && TITLE.test(line)) {
      result.title = line;
      continue;
    }
    rest.push(line);
  }
  result.name = rest.find((line) => line.length >= 2 && line.length <= 40 && !/\d/.test(line)) ?? null;
  return result;
}
