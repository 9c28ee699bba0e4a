import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** S1/S2: a team's place (threads, body, apps); a guest space is one guests may be invited into. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A space: threads with comments, a body/notice board and apps (S1). A guest space admits invited guests (S2).' })
@Entity({ name: 'spaces' })
@Index('ix_spaces_tenant', ['tenantId'])
export class Space {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenantId: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => Boolean, { description: 'A guest space (S2): kept apart from the internal environment.' })
  @Column({ type: 'boolean', default: false })
  isGuestSpace: boolean;

  @Field(() => Boolean, { description: 'Only its members see a private space (S1).' })
  @Column({ type: 'boolean', default: false })
  isPrivate: boolean;

  @Field(() => String, { description: 'The body / notice board of the space.' })
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 36 })
  createdBy: string;

  // S6: guest permissions, each granted or not by a space administrator. Defaults: the least
  // that lets a guest take part (add threads and comments; no editing, deleting or attachments).
  @Column({ type: 'boolean', default: true })
  guestCanAddThreads: boolean;

  @Column({ type: 'boolean', default: false })
  guestCanEditThreads: boolean;

  @Column({ type: 'boolean', default: false })
  guestCanDeleteThreads: boolean;

  @Column({ type: 'boolean', default: true })
  guestCanAddComments: boolean;

  @Column({ type: 'boolean', default: false })
  guestCanDeleteComments: boolean;

  @Column({ type: 'boolean', default: false })
  guestCanAddAttachments: boolean;

  @Column({ type: 'boolean', default: false })
  guestCanDeleteAttachments: boolean;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
