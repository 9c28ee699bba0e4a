import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A public answer or question on a ticket, or an internal note only the support desk sees. */
@ObjectType({ description: 'A message on a ticket. Internal notes are seen by support agents only.' })
@Entity({ name: 'support_ticket_replies' })
@Index('idx_support_ticket_replies_ticket', ['ticketId', 'position'])
export class TicketReply {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  ticketId: string;

  /** Order within the ticket: several replies can share a second. */
  @Column({ type: 'int' })
  position: number;

  /** Null for the automatic standard answer the system gives (P4). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  authorId: string | null;

  @Field(() => String)
  @Column({ type: 'text' })
  body: string;

  @Field(() => Boolean)
  @Column({ type: 'boolean' })
  internal: boolean;

  @Field(() => Boolean, { description: 'Written by the support side (an agent or the automatic answer).' })
  @Column({ type: 'boolean' })
  fromSupport: boolean;

  @Field(() => Date)
  @Column({ type: 'datetime' })
  createdAt: Date;
}
