import { registerEnumType } from 'type-graphql';

export enum Channel {
  ONLINE = 'ONLINE',
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  REMOTE = 'REMOTE',
  FAX = 'FAX',
}
registerEnumType(Channel, {
  name: 'Channel',
  description: 'How a question reaches support (P2). FAX is not a support channel: it is listed only so that a request naming it gets a clear refusal.',
  valuesConfig: {
    ONLINE: { description: "The built-in support form (the customer's own channel)." },
    PHONE: { description: 'A phone call, recorded by the agent on the customer\'s behalf.' },
    EMAIL: { description: 'An e-mail from outside the form: needs the customer number and product ID (P3).' },
    REMOTE: { description: 'A remote screen-sharing session, recorded by the agent.' },
    FAX: { description: 'Refused: FAX is not a support channel (P2).', deprecationReason: 'FAX is not a support channel (P2).' },
  },
});

export enum TicketStatus {
  NEW = 'NEW',
  OPEN = 'OPEN',
  PENDING = 'PENDING',
  SOLVED = 'SOLVED',
  CLOSED = 'CLOSED',
}
registerEnumType(TicketStatus, {
  name: 'TicketStatus',
  description: 'P8: NEW -> OPEN -> PENDING (waiting on the customer) -> SOLVED -> CLOSED (by itself 7 days after SOLVED).',
});

export enum TicketPriority {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}
registerEnumType(TicketPriority, { name: 'TicketPriority' });
