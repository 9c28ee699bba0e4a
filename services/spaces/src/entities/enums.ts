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
