/** C1: the text fields of a business card, checked and normalised. No GraphQL, no SQL. */
import type { RefusalOf } from '@kyodo/subgraph-kit';
import type { CardsRefusalKey } from '../refusals/refusals.js';

export const CARD_LANGUAGES = ['ja', 'en', 'zh'] as const;
export type CardLanguage = (typeof CARD_LANGUAGES)[number];

export const CARD_STATES = ['SCANNED', 'READ', 'VERIFIED'] as const;
export type CardState = (typeof CARD_STATES)[number];

export interface CardFields {
  name: string;
  nameReading: string | null;
  company: string | null;
  department: string | null;
  title: string | null;
  addresses: string[];
  phones: string[];
  email: string | null;
  url: string | null;
  notes: string | null;
  language: CardLanguage;
  exchangedOn: string | null;
}

export type RawCardFields = { [K in keyof CardFields]?: CardFields[K] | null | undefined };

const LIMITS = { name: 200, nameReading: 200, company: 200, department: 200, title: 200, email: 254, url: 500, notes: 10_000, address: 500, phone: 50 } as const;
const MAX_ADDRESSES = 5;
const MAX_PHONES = 10;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_PATTERN = /^https?:\/\/\S+$/i;
const PHONE = /^[0-9+()\-.\s内線ext]+$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * C1: checks every field of a new card (or the full result of an update) and returns the
 * normalised fields, or every problem found (an import reports them all at once).
 */
export function checkCardFields(raw: RawCardFields): { fields: CardFields; problems: RefusalOf<CardsRefusalKey>[] } {
  const problems: RefusalOf<CardsRefusalKey>[] = [];
  const limit = (field: keyof typeof LIMITS & keyof CardFields, value: string | null) => {
    if (value && value.length > LIMITS[field]) problems.push({ field, key: 'fieldTooLong', params: { field, max: LIMITS[field] } });
    return value;
  };
  const name = text(raw.name) ?? '';
  if (!name) problems.push({ field: 'name', key: 'nameRequired' });
  limit('name', name);
  const email = text(raw.email);
  if (email && (!EMAIL.test(email) || email.length > LIMITS.email)) problems.push({ field: 'email', key: 'emailInvalid', params: { email } });
  const url = text(raw.url);
  if (url && (!URL_PATTERN.test(url) || url.length > LIMITS.url)) problems.push({ field: 'url', key: 'urlInvalid', params: { max: LIMITS.url } });
  const language = (raw.language ?? 'ja') as CardLanguage;
  if (!CARD_LANGUAGES.includes(language)) problems.push({ field: 'language', key: 'languageInvalid', params: { languages: CARD_LANGUAGES.join(', ') } });
  const exchangedOn = text(raw.exchangedOn);
  if (exchangedOn && !isCalendarDate(exchangedOn)) problems.push({ field: 'exchangedOn', key: 'exchangedOnInvalid', params: { value: exchangedOn } });
  const addresses = (raw.addresses ?? []).map(text).filter((a): a is string => !!a);
  if (addresses.length > MAX_ADDRESSES || addresses.some((a) => a.length > LIMITS.address)) {
    problems.push({ field: 'addresses', key: 'addressesInvalid', params: { max: MAX_ADDRESSES, maxLength: LIMITS.address } });
  }
  const phones = (raw.phones ?? []).map(text).filter((p): p is string => !!p);
  if (phones.length > MAX_PHONES || phones.some((p) => p.length > LIMITS.phone || !PHONE.test(p))) {
    problems.push({ field: 'phones', key: 'phonesInvalid', params: { max: MAX_PHONES } });
  }
  const fields: CardFields = {
    name,
    nameReading: limit('nameReading', text(raw.nameReading)),
    company: limit('company', text(raw.company)),
    department: limit('department', text(raw.department)),
    title: limit('title', text(raw.title)),
    addresses,
    phones,
    email: email ? email.toLowerCase() : null,
    url,
    notes: limit('notes', text(raw.notes)),
    language,
    exchangedOn,
  };
  return { fields, problems };
}

/**
 * Search: NFKC folds full-width/half-width forms (ＡＢＣ, ｶﾀｶﾅ -> カタカナ), lower case, and
 * katakana -> hiragana so a reading typed either way finds the card. The same function makes
 * the stored search column and the search term, so both dialects compare the same strings.
 */
export function normaliseForSearch(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60))
    .replace(/\s+/g, ' ')
    .trim();
}

/** What `cards(search:)` looks in: name, reading, company, email (and the name without spaces). */
export function searchTextOf(fields: Pick<CardFields, 'name' | 'nameReading' | 'company' | 'email'>): string {
  const parts = [fields.name, fields.name.replace(/\s+/g, ''), fields.nameReading, fields.nameReading?.replace(/\s+/g, ''), fields.company, fields.email];
  return parts
    .filter((p): p is string => !!p)
    .map(normaliseForSearch)
    .join('\n');
}

/** A LIKE pattern for "contains", with %, _ and the escape character itself escaped (ESCAPE '!'). */
export function containsPattern(term: string): string {
  return `%${term.replace(/[!%_]/g, (ch) => `!${ch}`)}%`;
}

/** Same person: the keys two cards must share (same email, or same name and company). */
export function samePersonKeys(fields: Pick<CardFields, 'name' | 'company' | 'email'>): string[] {
  const keys: string[] = [];
  if (fields.email) keys.push(`email:${fields.email.trim().toLowerCase()}`);
  if (fields.company) keys.push(`name+company:${fields.name.trim()}|${fields.company.trim()}`);
  return keys;
}
