import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export enum CardImportStatus {
  UPLOADING = 'UPLOADING',
  CHECKING = 'CHECKING',
  IMPORTING = 'IMPORTING',
  CHECKED = 'CHECKED',
  FAILED = 'FAILED',
  SUCCEEDED = 'SUCCEEDED',
}
registerEnumType(CardImportStatus, {
  name: 'CardImportStatus',
  description:
    'UPLOADING: parts are being sent. CHECKING/IMPORTING: running (poll). CHECKED: a dry run finished (see errors). FAILED: bad rows, nothing imported. SUCCEEDED: every row imported.',
});

/** C4: one CSV import: parts uploaded, then a dry run or an all-or-nothing run, polled for progress. */
@ObjectType({ description: 'A CSV import of cards (C4): poll it for progress.' })
@Entity({ name: 'card_import_jobs' })
@Index('ix_card_import_jobs_tenant', ['tenantId', 'createdAt'])
export class CardImportJob {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenantId: string;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Field(() => CardImportStatus)
  @Column({ type: 'varchar', length: 12 })
  status: CardImportStatus;

  @Field(() => Boolean, { description: 'The last run was a dry run (nothing written).' })
  @Column({ type: 'boolean', default: false })
  dryRun: boolean;

  @Field(() => String, { description: 'UTF8, SHIFT_JIS or AUTO as asked; after a run, the encoding read.' })
  @Column({ type: 'varchar', length: 10 })
  encoding: string;

  @Field(() => Int, { description: 'Parts received so far.' })
  @Column({ type: 'int', default: 0 })
  parts: number;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  bytes: number;

  @Field(() => Int, { description: 'Card rows in the file (header excluded); 0 until a run has read it.' })
  @Column({ type: 'int', default: 0 })
  totalRows: number;

  @Field(() => Int, { description: 'Rows checked (and, on a real run, written) so far.' })
  @Column({ type: 'int', default: 0 })
  processedRows: number;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  importedRows: number;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  errorCount: number;

  /** I1: the language of whoever ran the import last: its report of bad lines is written in it (ja or en). */
  @Column({ type: 'varchar', length: 2, default: 'ja' })
  language: string;

  /** C3: the groups the imported cards are limited to (JSON array); null: tenant-wide. */
  @Column({ type: 'text', nullable: true })
  groupIds: string | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}

/** C4: a bad row of an import, by line number and reason. */
@ObjectType({ description: 'A bad row of a CSV import (C4).' })
@Entity({ name: 'card_import_errors' })
export class CardImportError {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  jobId: string;

  @Field(() => Int, { description: 'The line of the file the row starts on (the header is line 1).' })
  @PrimaryColumn({ type: 'int' })
  line: number;

  @Field(() => String, { nullable: true, description: 'The first field at fault, if one.' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  field: string | null;

  @Field(() => String)
  @Column({ type: 'varchar', length: 1000 })
  message: string;
}
