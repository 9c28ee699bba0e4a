import { MultiLineText } from '@kyodo/subgraph-kit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { Channel, TicketPriority } from '../entities/enums.js';

@InputType({ description: 'P6: the environment the question is about; every field optional.' })
export class EnvironmentInput {
  @Field(() => String, { nullable: true })
  serverOs?: string | null;

  @Field(() => String, { nullable: true })
  serverOsVersion?: string | null;

  @Field(() => String, { nullable: true })
  webServer?: string | null;

  @Field(() => String, { nullable: true })
  webServerVersion?: string | null;

  @Field(() => String, { nullable: true })
  documentRoot?: string | null;

  @Field(() => String, { nullable: true })
  installFolder?: string | null;

  @Field(() => String, { nullable: true })
  productVersion?: string | null;

  @Field(() => Int, { nullable: true })
  registeredUsers?: number | null;
}

@InputType('TicketAttachmentInput', { description: 'A file by reference: a name and an http(s) URL where the support desk can fetch it.' })
export class AttachmentInput {
  @Field(() => String)
  name: string;

  @Field(() => String)
  url: string;
}

@InputType()
export class OpenTicketInput {
  @Field(() => Channel)
  channel: Channel;

  @Field(() => String, { description: 'A code from supportCategories (P4).' })
  category: string;

  @Field(() => ID, { description: 'A product of the support catalogue (supportProducts).' })
  productId: string;

  @Field(() => String)
  productVersion: string;

  @Field(() => String)
  subject: string;

  @Field(() => String)
  @MultiLineText()
  body: string;

  @Field(() => String, { nullable: true, description: 'P3: the 6-digit number on the licence certificate; required for EMAIL.' })
  customerNumber?: string | null;

  @Field(() => EnvironmentInput, { nullable: true })
  environment?: EnvironmentInput | null;

  @Field(() => ID, { nullable: true, description: "Agents only: the customer's support registrant the ticket is for (a phone call...)." })
  requesterId?: string | null;

  @Field(() => TicketPriority, { nullable: true })
  priority?: TicketPriority | null;

  @Field(() => [AttachmentInput], { nullable: true })
  attachments?: AttachmentInput[] | null;
}
