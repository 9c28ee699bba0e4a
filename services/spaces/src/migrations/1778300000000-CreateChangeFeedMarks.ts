import { CreateChangeFeedMarksMigration } from '@kyodo/subgraph-kit';

/** How far the outboxes of spaces' feeds (membership_changes, access_changes) are trimmed and settled; the table is subgraph-kit's change-feed-retention.ts. */
export class CreateChangeFeedMarks1778300000000 extends CreateChangeFeedMarksMigration {
  name = 'CreateChangeFeedMarks1778300000000';
}
