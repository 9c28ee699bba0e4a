import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ChannelValue } from '../domain/intake.js';
import type { TicketStatusValue } from '../domain/ticket-lifecycle.js';
import { Channel, TicketPriority, TicketStatus } from './enums.js';

@ObjectType({ description: 'P6: the environment the question is about.' })
export class TicketEnvironment {
  @Field(() => String, { nullable: true })
  serverOs: string | null;

  @Field(() => String, { nullable: true })
  serverOsVersion: string | null;

  @Field(() => String, { nullable: true })
  webServer: string | null;

  @Field(() => String, { nullable: true })
  webServerVersion: string | null;

  @Field(() => String, { nullable: true })
  documentRoot: string | null;

  @Field(() => String, { nullable: true })
  installFolder: string | null;

  @Field(() => String, { nullable: true })
  productVersion: string | null;

  @Field(() => Int, { nullable: true })
  registeredUsers: number | null;
}

@ObjectType('TicketAttachment', { description: 'A file the customer refers to: stored by reference, never uploaded here.' })
export class Attachment {
  @Field(() => String)
  name: string;

  @Field(() => String)
  url: string;
}

/** A question to the vendor's support desk, from one customer tenant. */
@ObjectType({ description: 'A question to the support desk (P1-P8).' })
@Entity({ name: 'support_tickets' })
@Index('idx_support_tickets_tenant_created', ['tenantId', 'createdAt'])
@Index('idx_support_tickets_status_due', ['status', 'dueAt'])
export class Ticket {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenantId: string;

  @Field(() => TicketStatus)
  @Column({ type: 'varchar', length: 10 })
  status: TicketStatusValue;

  @Field(() => Channel)
  @Column({ type: 'varchar', length: 10 })
  channel: ChannelValue;

  @Field(() => String, { description: 'A code from supportCategories (P4).' })
  @Column({ type: 'varchar', length: 40 })
  category: string;

  @Field(() => Boolean, { description: 'False: outside the support service (P4); answered as such and solved at once.' })
  @Column({ type: 'boolean' })
  inScope: boolean;

  @Field(() => ID)
  @Column({ type: 'varchar', length: 40 })
  productId: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 40 })
  productVersion: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Field(() => String)
  @Column({ type: 'text' })
  body: string;

  @Field(() => Boolean, { description: 'P2: the body has no Japanese; support answers in Japanese only.' })
  @Column({ type: 'boolean' })
  needsJapanese: boolean;

  @Field(() => TicketPriority)
  @Column({ type: 'varchar', length: 10 })
  priority: TicketPriority;

  @Column({ type: 'varchar', length: 36 })
  requesterId: string;

  @Column({ type: 'varchar', length: 36 })
  submitterId: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  assigneeId: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  envServerOs: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  envServerOsVersion: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  envWebServer: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  envWebServerVersion: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  envDocumentRoot: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  envInstallFolder: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  envProductVersion: string | null;

  @Column({ type: 'int', nullable: true })
  envRegisteredUsers: number | null;

  @Field(() => [Attachment])
  @Column({ type: 'simple-json' })
  attachments: Attachment[];

  @Field(() => Date, { description: 'P7: 17:30 Asia/Tokyo on the first business day after the day received.' })
  @Column({ type: 'datetime' })
  dueAt: Date;

  @Field(() => Date, { nullable: true, description: 'The first public reply from the support side: it meets the deadline (P7).' })
  @Column({ type: 'datetime', nullable: true })
  firstResponseAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  solvedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  followUpOfId: string | null;

  /** From the clock, not the database: tests travel in time. */
  @Field(() => Date)
  @Column({ type: 'datetime' })
  createdAt: Date;
}
