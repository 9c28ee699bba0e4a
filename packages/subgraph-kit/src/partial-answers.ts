/**
 * Partial answers when one subgraph is down (ARCHITECTURE, Federation). The gateway can only
 * keep the rest of an answer when the field that failed may be null: a non-null field that
 * fails nulls its parent, up to `data: null` for the whole query. So these are nullable:
 *
 * - every field one subgraph adds to another subgraph's entity (User.cardCount from cards on
 *   spaces' User, User.isSupportRegistrant, Tenant.contract, ...): the owner's fields stay;
 * - every root list or connection (Query.cards, spaces, supportQueue, invoices, ...): a client
 *   shows them beside other data, so one of them failing must not take the others with it.
 *
 * Root fields asked for on their own (a quote, an export, a deadline) and mutations keep their
 * non-null types. List items stay non-null: a list either comes from its subgraph whole or not.
 * Spread this into the field's options so the rule is named where it applies; a null here means
 * "unavailable" (the response carries the error), never "none" (that is an empty list or 0).
 */
export const SURVIVES_OUTAGE = { nullable: true } as const;
