import { Entity, Index, PrimaryColumn } from 'typeorm';

/** That a user has read a thread: what is not here is unread (S9 unread counts). */
@Entity({ name: 'thread_reads' })
@Index('ix_thread_reads_user', ['userId'])
export class ThreadRead {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  threadId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;
}
