import type { Language } from '@kyodo/auth';
import { registerEnumType } from 'type-graphql';

/** S7: whether a guest may be in many guest spaces (KINTONE) or in exactly one (SINGLE_SPACE). */
export enum GuestPolicy {
  KINTONE = 'KINTONE',
  SINGLE_SPACE = 'SINGLE_SPACE',
}
registerEnumType(GuestPolicy, { name: 'GuestPolicy', description: 'S7: KINTONE (a guest may be in many guest spaces) or SINGLE_SPACE (exactly one at a time).' });

/** S8: the tenant-wide format of mail to guests that is not a notification. */
export enum MailFormat {
  HTML = 'HTML',
  TEXT = 'TEXT',
}
registerEnumType(MailFormat, { name: 'MailFormat', description: 'S8: the tenant-wide format of invitation and account mail to guests.' });

/** Who may create guest spaces: every member, or tenant administrators only. */
export enum GuestSpaceCreators {
  MEMBERS = 'MEMBERS',
  ADMINS = 'ADMINS',
}
registerEnumType(GuestSpaceCreators, { name: 'GuestSpaceCreators', description: 'Who may create guest spaces: every member, or administrators only.' });

/** The language of a tenant's mail and pages: Japanese by default (the customers are Japanese companies). */
export enum Locale {
  JA = 'JA',
  EN = 'EN',
}
registerEnumType(Locale, { name: 'Locale', description: "A language (I1): JA (Japanese, the default; English follows it in mail) or EN. A tenant's is its mail's and its people's default; a user's own overrides it." });

/** I1: the language a locale is read in: English for EN, Japanese otherwise (and when none is set). The one mapping: tokens and mail both use it. */
export function languageOf(locale: Locale | null | undefined): Language {
  return locale === Locale.EN ? 'en' : 'ja';
}

/** The base product course; licensing owns contracts, spaces passes it on at onboarding (same values as licensing's). */
export enum Course {
  LIGHT = 'LIGHT',
  STANDARD = 'STANDARD',
}
registerEnumType(Course, { name: 'Course', description: 'The base product course; guest licences follow it (L2).' });

/** The billing cycle of the base contract (same values as licensing's). */
export enum BillingCycle {
  MONTHLY = 'MONTHLY',
  ANNUAL = 'ANNUAL',
}
registerEnumType(BillingCycle, { name: 'BillingCycle' });
