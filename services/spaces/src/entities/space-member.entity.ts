import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** S1: who belongs to a space, and who administers it. */
@Entity({ name: 'space_members' })
@Index('ix_space_members_user', ['userId'])
export class SpaceMember {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  spaceId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'boolean', default: false })
  isSpaceAdmin: boolean;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
