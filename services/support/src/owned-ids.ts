import { ownedBySpaces, ownedRowsOf, type OwnedIdsSpec, type OwnerLookup } from '@kyodo/subgraph-kit';
import { isSupportAgent } from './domain/ticket-access.js';

/** The vendor's agents serve every customer tenant: for them, an id of any tenant is theirs to name. */
function agentsServeEveryTenant(agents: OwnerLookup, customers: OwnerLookup): OwnerLookup {
  return (ids, ctx) => (isSupportAgent(ctx.viewer) ? agents(ids, ctx) : customers(ids, ctx));
}

const anyId: OwnerLookup = (ids) => Promise.resolve(ids);

/** T1: what each id support's mutations take names, and how it is proven the caller's (see subgraph-kit owned-ids.ts). */
export const supportOwnedIds: OwnedIdsSpec = {
  ids: {
    'Mutation.addSupportRegistrant.userId': { kind: 'User' },
    'Mutation.removeSupportRegistrant.userId': { kind: 'User' },
    'AssignTicketInput.assigneeId': { kind: 'User' },
    'OpenTicketInput.requesterId': { kind: 'Requester' },
    'OpenTicketInput.productId': { notTenantScoped: "the product catalogue is the vendor's, the same for every tenant" },
    'SetSupportLicenceInput.productIds': { notTenantScoped: "the product catalogue is the vendor's, the same for every tenant" },
    'SetSupportLicenceInput.tenantId': { kind: 'Tenant' },
    'ReplyToTicketInput.ticketId': { kind: 'Ticket' },
    'SupportProductInput.id': { notTenantScoped: "the product catalogue is the vendor's, the same for every tenant (vendor operators only)" },
    'SupportProductVersionInput.productId': { notTenantScoped: "the product catalogue is the vendor's, the same for every tenant (vendor operators only)" },
    'Mutation.removeClosingDay.id': { notTenantScoped: "closing days are the vendor's calendar, the same for every tenant (vendor operators only)" },
    'SetTicketStatusInput.ticketId': { kind: 'Ticket' },
    'AssignTicketInput.ticketId': { kind: 'Ticket' },
    'SetTicketPriorityInput.ticketId': { kind: 'Ticket' },
  },
  owners: {
    // spaces owns users: support cannot tell whose a user is on its own (P1 registrants were filed under the caller's tenant)
    User: ownedBySpaces('User'),
    // an agent opens a ticket for a registrant of any customer: the registrant row, filed under the
    // tenant that was proven above, says which tenant the ticket is for (P1); the resolver refuses a non-registrant
    Requester: agentsServeEveryTenant(anyId, ownedBySpaces('User')),
    Ticket: agentsServeEveryTenant(anyId, ownedRowsOf('support_tickets')),
    Tenant: agentsServeEveryTenant(anyId, (ids, ctx) => Promise.resolve(ids.filter((id) => id === ctx.viewer?.tenantId))),
  },
  names: {
    User: { ja: 'ユーザー', en: 'user' },
    Requester: { ja: '問い合わせる人', en: 'requester' },
    Ticket: { ja: '問い合わせ', en: 'ticket' },
    Tenant: { ja: 'テナント', en: 'tenant' },
  },
};
