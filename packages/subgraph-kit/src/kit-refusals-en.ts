import type { KitRefusalKey } from './kit-refusals.js';
import type { RefusalCatalogue } from './refusals.js';

/** The kit's refusals in English (I1). */
export const KIT_REFUSALS_EN: RefusalCatalogue<KitRefusalKey> = {
  signInRequired: 'Sign in to do this.',
  tokenExpired: 'The access token has expired; sign in again.',
  tokenInvalid: 'The access token is not valid; sign in again.',
  streamTokenExpired: 'The access token has expired. Subscribe again with a fresh token.',
  accessChanged: 'Your access has changed since this sign-in (removed, role or password changed); sign in again.',
  accessUnconfirmed: 'Your access cannot be confirmed right now; please try again shortly.',
  guestsMayNot: 'Guests may not do this.',
  adminOnly: 'Only a tenant administrator may do this.',
  auditReadForbidden: "Only the organisation's administrators (their own organisation's entries) and vendor operators may read the audit log (A1).",
  scopedTokenLimited: 'An integration token can only read what its scopes allow ({scopes}).',
  scopedTokenCannotSubscribe: 'An integration token cannot subscribe to live updates.',
  notFoundById: 'The {kind} with this id was not found.',
  foreignCursor: 'The cursor is not one this list gave out; start again without `after`.',
  pageSize: '`first` must be between 1 and {max}; it was {value}.',
  textControlCharacter: '{field} must be one line of text without control characters (found {char} at position {position}).',
  multiLineControlCharacter: '{field} may hold line breaks and tabs but no other control characters (found {char} at position {position}).',
  liveUnavailable: 'Live updates are not available on this server.',
  peerUnavailable: 'The {peer} service cannot be reached; nothing was changed. Please try again shortly.',
  databaseUnavailable: 'The service cannot reach its database right now; please try again shortly.',
  internal: 'Something went wrong on our side. It has been logged; please try again later.',
};
