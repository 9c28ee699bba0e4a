import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** S1: a comment on a thread. */
@ObjectType({ description: 'A comment on a thread (S1).' })
@Entity({ name: 'comments' })
@Index('ix_comments_thread', ['threadId'])
export class Comment {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field(() => ID)
  @Column({ type: 'varchar', length: 36 })
  threadId: string;

  @Field(() => String)
  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 36 })
  authorId: string;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
