import { isVendorAdmin, type Viewer } from '@kyodo/auth';
import { isUniqueViolation, requireViewer, type RequestContext } from '@kyodo/subgraph-kit';
import type { GraphQLError } from 'graphql';
import { ACCEPTED_DATES, DEFAULT_TIME_ZONE, localDateOf, type LocalDate } from './domain/calendar-dates.js';
import { licensingRefusals } from './refusals/refusals.js';
import type { LicensingLoaders } from './loaders.js';

export type LicensingContext = RequestContext<LicensingLoaders>;

/** "Today" from the injectable clock, in the tenant's time zone (Asia/Tokyo by default). */
export function todayFor(ctx: LicensingContext, contract: { timeZone: string } | null): LocalDate {
  return localDateOf(ctx.clock.now(), contract?.timeZone ?? DEFAULT_TIME_ZONE);
}

/** Anyone signed in to this tenant: its members and its guests (T1). */
export function isTenantUser(viewer: Viewer | null, tenantId: string): boolean {
  return !!viewer && viewer.tenantId === tenantId;
}

export function isTenantMember(viewer: Viewer | null, tenantId: string): boolean {
  return !!viewer && viewer.tenantId === tenantId && viewer.kind === 'MEMBER';
}

export function isTenantAdmin(viewer: Viewer | null, tenantId: string): boolean {
  return !!viewer && isTenantMember(viewer, tenantId) && viewer.roles.includes('ADMIN');
}

/** Runs a domain rule and turns the refusal it throws into the catalogue's error, in the request's language (I1). */
export function applyRule<T>(rule: () => T, extensions: Record<string, unknown> = {}): T {
  try {
    return rule();
  } catch (error) {
    throw refusalOf(error, extensions);
  }
}

/** `applyRule` for a rule that reads or writes on the way (it awaits). */
export async function applyRuleAsync<T>(rule: () => Promise<T>, extensions: Record<string, unknown> = {}): Promise<T> {
  try {
    return await rule();
  } catch (error) {
    throw refusalOf(error, extensions);
  }
}

const refusalOf = (error: unknown, extensions: Record<string, unknown>) => (licensingRefusals.isThrown(error) ? licensingRefusals.refuseWith(error, extensions) : error);

/** A date input outside ACCEPTED_DATES (or not a calendar day), naming its field. */
export function dateRefusal(field: string): GraphQLError {
  return licensingRefusals.refuse('fieldDateOutOfRange', { field, ...ACCEPTED_DATES }, { field });
}

/** A unique-key clash (the idempotency key raced another request): one definition, in the kit. */
export { isUniqueViolation } from '@kyodo/subgraph-kit';

/**
 * An order placed once per idempotency key (L5-L7 guest licences, T5/T6 seats and course, L15
 * packs): an earlier order with the key is the answer (`same` refuses it if it asked for
 * something else); when two requests race with one key, the unique key lets one in and the
 * other answers with that order.
 */
export async function placeOnce<T>(earlier: () => Promise<T | null>, same: (order: T) => T, place: () => Promise<T>): Promise<T> {
  const found = await earlier();
  if (found) return same(found);
  try {
    return await place();
  } catch (error) {
    // a concurrent retry of the same key loses either on the key (unique violation) or, on
    // MariaDB, earlier: its conditional UPDATE waited for the first order's row lock and then found
    // the state changed (CONFLICT). Either way the first order has committed by now: answer it.
    if (isUniqueViolation(error) || (error as { extensions?: { code?: unknown } } | null)?.extensions?.code === 'CONFLICT') {
      const first = await earlier();
      if (first) return same(first);
    }
    throw error;
  }
}

/** The back office (onboarding, price rows, service contracts, card packs, billing runs, credit notes): vendor operators only (VENDOR_ADMIN). `refusal`: what anyone else is told. */
export function requireVendorOperator(ctx: Pick<LicensingContext, 'viewer'>, refusal: () => GraphQLError): Viewer {
  const viewer = requireViewer(ctx);
  if (!isVendorAdmin(viewer)) throw refusal();
  return viewer;
}
