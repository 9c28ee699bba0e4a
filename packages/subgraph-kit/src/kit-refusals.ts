import { KIT_REFUSALS_EN } from './kit-refusals-en.js';
import { KIT_REFUSALS_JA } from './kit-refusals-ja.js';
import { defineRefusals, type RefusalDefinition } from './refusals.js';

/**
 * The refusals every subgraph shares (sign-in, roles, pages, tokens, peers, text input), made
 * by the kit itself. Each subgraph defines its own in `src/refusals/`. Texts: kit-refusals-ja.ts
 * and kit-refusals-en.ts.
 */
export const KIT_REFUSAL_DEFINITIONS = {
  signInRequired: { code: 'UNAUTHENTICATED' },
  tokenExpired: { code: 'UNAUTHENTICATED' },
  tokenInvalid: { code: 'UNAUTHENTICATED' },
  streamTokenExpired: { code: 'UNAUTHENTICATED' },
  accessChanged: { code: 'UNAUTHENTICATED', rule: 'T5' },
  accessUnconfirmed: { code: 'SERVICE_UNAVAILABLE' },
  // T2: a guest is not a member; a subgraph gives a more specific refusal (S5, S3...) where one applies
  guestsMayNot: { code: 'FORBIDDEN', rule: 'T2' },
  adminOnly: { code: 'FORBIDDEN' },
  auditReadForbidden: { code: 'FORBIDDEN', rule: 'A1' },
  scopedTokenLimited: { code: 'FORBIDDEN', rule: 'C6' },
  scopedTokenCannotSubscribe: { code: 'FORBIDDEN', rule: 'C6' },
  notFoundById: { code: 'NOT_FOUND' },
  foreignCursor: { code: 'BAD_USER_INPUT', field: 'after' },
  pageSize: { code: 'BAD_USER_INPUT', field: 'first' },
  textControlCharacter: { code: 'BAD_USER_INPUT' },
  multiLineControlCharacter: { code: 'BAD_USER_INPUT' },
  liveUnavailable: { code: 'SERVICE_UNAVAILABLE' },
  peerUnavailable: { code: 'SERVICE_UNAVAILABLE' },
  databaseUnavailable: { code: 'SERVICE_UNAVAILABLE' },
  internal: { code: 'INTERNAL_SERVER_ERROR' },
} as const satisfies Record<string, RefusalDefinition>;

export type KitRefusalKey = keyof typeof KIT_REFUSAL_DEFINITIONS;

export const kitRefusals = defineRefusals<KitRefusalKey>(KIT_REFUSAL_DEFINITIONS, { ja: KIT_REFUSALS_JA, en: KIT_REFUSALS_EN });
