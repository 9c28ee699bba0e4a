import type { GraphQLClient } from '@kyodo/testkit';

/** GraphQL documents and helpers the support integration tests share. */
export const TICKET_FIELDS = /* GraphQL */ `
  id status channel category inScope productId productVersion subject body needsJapanese languageNotice priority
  dueAt isLate firstResponseAt solvedAt closedAt createdAt
  requester { id } submitter { id } assignee { id }
  environment { serverOs serverOsVersion webServer webServerVersion documentRoot installFolder productVersion registeredUsers }
  attachments { name url }
  replies { id body internal fromSupport author { id } createdAt }
  followUpOf { id status }
`;

export const OPEN_TICKET = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ${TICKET_FIELDS} } }`;
export const REPLY = `mutation($input: ReplyToTicketInput!) { replyToTicket(input: $input) { ${TICKET_FIELDS} } }`;
export const SET_STATUS = `mutation($input: SetTicketStatusInput!) { setTicketStatus(input: $input) { ${TICKET_FIELDS} } }`;
export const ASSIGN = `mutation($input: AssignTicketInput!) { assignTicket(input: $input) { ${TICKET_FIELDS} } }`;
export const TICKET = `query($id: ID!) { ticket(id: $id) { ${TICKET_FIELDS} } }`;
export const MY_TICKETS = `query($first: Int, $after: String) { myTickets(first: $first, after: $after) { edges { cursor node { ${TICKET_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
export const QUEUE = `query($first: Int, $after: String, $lateOnly: Boolean) { supportQueue(first: $first, after: $after, lateOnly: $lateOnly) { edges { cursor node { id isLate dueAt status requester { id } replies { id author { id } } } } pageInfo { hasNextPage endCursor } } }`;

export interface TicketData {
  id: string;
  status: string;
  channel: string;
  category: string;
  inScope: boolean;
  subject: string;
  body: string;
  needsJapanese: boolean;
  languageNotice: string | null;
  priority: string;
  dueAt: string;
  isLate: boolean;
  firstResponseAt: string | null;
  solvedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  requester: { id: string };
  submitter: { id: string };
  assignee: { id: string } | null;
  environment: Record<string, string | number | null>;
  attachments: Array<{ name: string; url: string }>;
  replies: Array<{ id: string; body: string; internal: boolean; fromSupport: boolean; author: { id: string } | null; createdAt: string }>;
  followUpOf: { id: string; status: string } | null;
}

export interface QueueData {
  supportQueue: {
    edges: Array<{ cursor: string; node: { id: string; isLate: boolean; dueAt: string; status: string } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** A Japanese in-scope question for Dezie 7 through the online form; override any field. */
export function ticketInput(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'ONLINE',
    category: 'OPERATION',
    productId: 'dezie',
    productVersion: '7',
    subject: '検索の使い方',
    body: 'ライブラリの検索結果を並べ替える方法を教えてください。',
    ...overrides,
  };
}

export async function openTicket(client: GraphQLClient, token: string, overrides: Record<string, unknown> = {}): Promise<TicketData> {
  return (await client.data<{ openTicket: TicketData }>(OPEN_TICKET, { input: ticketInput(overrides) }, { token })).openTicket;
}

export async function reply(client: GraphQLClient, token: string, ticketId: string, body: string, internal?: boolean): Promise<TicketData> {
  return (await client.data<{ replyToTicket: TicketData }>(REPLY, { input: { ticketId, body, internal } }, { token })).replyToTicket;
}
