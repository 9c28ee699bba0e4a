import { Field, ObjectType } from 'type-graphql';
import { Ticket } from '../entities/ticket.entity.js';

@ObjectType()
export class TicketEdge {
  @Field(() => String, { description: 'Opaque: pass it as `after` to continue after this ticket.' })
  cursor: string;

  @Field(() => Ticket)
  node: Ticket;
}

@ObjectType({ description: 'Named for tickets so it never clashes with another subgraph\'s page type.' })
export class TicketPageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType()
export class TicketConnection {
  @Field(() => [TicketEdge])
  edges: TicketEdge[];

  @Field(() => TicketPageInfo)
  pageInfo: TicketPageInfo;
}
