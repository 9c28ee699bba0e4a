import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** S1: an app attached to a space: for now a named entry in the space's list of apps. */
@ObjectType({ description: 'An app attached to a space (S1); guests of a guest space see its apps (S3).' })
@Entity({ name: 'space_apps' })
@Index('ix_space_apps_space', ['spaceId'])
export class SpaceApp {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field(() => ID)
  @Column({ type: 'varchar', length: 36 })
  spaceId: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 36 })
  createdBy: string;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
