import { Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'group_members' })
@Index('ix_group_members_user', ['userId'])
export class GroupMember {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  groupId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;
}
