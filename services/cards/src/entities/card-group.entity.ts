import { Entity, Index, PrimaryColumn } from 'typeorm';

/** C3: a card limited to groups has one row per group (groups live in spaces). */
@Entity({ name: 'card_groups' })
@Index('ix_card_groups_group', ['groupId'])
export class CardGroup {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  cardId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  groupId: string;
}
