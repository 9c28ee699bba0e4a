import { MultiLineText } from '@kyodo/subgraph-kit';
import { Field, ID, InputType } from 'type-graphql';
import { TicketPriority, TicketStatus } from '../entities/enums.js';
import { AttachmentInput } from './open-ticket.input.js';

@InputType()
export class ReplyToTicketInput {
  @Field(() => ID)
  ticketId: string;

  @Field(() => String)
  @MultiLineText()
  body: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Agents only: a note the customer never sees.' })
  internal?: boolean;

  @Field(() => [AttachmentInput], { nullable: true })
  attachments?: AttachmentInput[] | null;
}

@InputType()
export class SetTicketStatusInput {
  @Field(() => ID)
  ticketId: string;

  @Field(() => TicketStatus, { description: 'OPEN, PENDING or SOLVED; CLOSED comes by itself 7 days after SOLVED.' })
  status: TicketStatus;
}

@InputType()
export class AssignTicketInput {
  @Field(() => ID)
  ticketId: string;

  @Field(() => ID, { nullable: true, description: 'The agent to assign; the signed-in agent when omitted.' })
  assigneeId?: string | null;
}

@InputType()
export class SetTicketPriorityInput {
  @Field(() => ID)
  ticketId: string;

  @Field(() => TicketPriority)
  priority: TicketPriority;
}

@InputType({ description: "P3: a tenant's licence certificate as the support desk records it." })
export class SetSupportLicenceInput {
  @Field(() => ID)
  tenantId: string;

  @Field(() => String, { description: 'The 6-digit customer number on the certificate.' })
  customerNumber: string;

  @Field(() => [ID], { description: 'The licensed product IDs; an empty list removes the record.' })
  productIds: string[];
}
