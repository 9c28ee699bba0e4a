import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where cards is in each peer feed it copies (peer-copies.ts): the last seq applied without a hole before it. */
@Entity({ name: 'peer_feed_cursors' })
export class PeerFeedCursor {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  feed: string;

  @Column({ type: 'integer', default: 0 })
  position: number;
}

/** C3: spaces' group memberships, copied: a user's group ids as spaces last reported them. */
@Entity({ name: 'peer_group_memberships' })
export class PeerGroupMembership {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  tenantId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;

  /** A JSON array of group ids. */
  @Column({ type: 'text' })
  groupIds: string;
}

/** L15: licensing's card digitisation allowance per tenant, copied. No row: no card service contract (0 sides). */
@Entity({ name: 'peer_card_digitisation' })
export class PeerCardDigitisation {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  tenantId: string;

  @Column({ type: 'integer' })
  includedSides: number;

  @Column({ type: 'integer' })
  purchasedSides: number;

  /** L14: the card service's last day once notice is given (YYYY-MM-DD, Tokyo), else null. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  endsOn: string | null;
}
