import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** S1: a discussion in a space. */
@ObjectType({ description: 'A discussion thread in a space (S1).' })
@Entity({ name: 'threads' })
@Index('ix_threads_space', ['spaceId'])
export class Thread {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field(() => ID)
  @Column({ type: 'varchar', length: 36 })
  spaceId: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String)
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 36 })
  authorId: string;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the thread was last edited; null if never.' })
  @Column({ type: 'datetime', nullable: true })
  updatedAt: Date | null;
}
