import type { Lang } from './i18n.js';

const LOCALES: Record<Lang, string> = { ja: 'ja-JP', en: 'en-GB' };

/** A moment as people in Japan read it: Asia/Tokyo whatever the browser's zone. */
export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'Asia/Tokyo', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) + (lang === 'en' ? ' JST' : '');
}

export function formatYen(amount: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'JPY' }).format(amount);
}
