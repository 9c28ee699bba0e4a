import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How far spaces has read a peer's change feed (one row per feed), stored with each applied page. */
@Entity({ name: 'peer_feed_cursors' })
export class PeerFeedCursor {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  feed: string;

  @Column({ type: 'integer', default: 0 })
  position: number;
}
