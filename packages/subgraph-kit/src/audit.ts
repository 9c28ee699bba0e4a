import { randomUUID } from 'node:crypto';
import { isAdmin, isVendorAdmin, type Viewer } from '@kyodo/auth';
import { Arg, Ctx, Directive, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn, Table, TableIndex, type EntityManager, type QueryRunner } from 'typeorm';
import type { RequestContext } from './context.js';
import { kitRefusals } from './kit-refusals.js';
import { decodeCursor, encodeCursor, pageSize } from './pagination.js';

/**
 * A1: one audit entry: who changed what, when (UTC), before and after. Every subgraph keeps its
 * own `audit_entries` table (its own migration, `auditTableMigration`); rows are only ever
 * inserted, in the same transaction as the change they record, so a change rolled back leaves
 * no entry and an entry never describes a change that did not happen.
 *
 * The same class is the GraphQL type of the internal peer query each subgraph answers for the
 * `auditLog` merge (inaccessible to clients; shareable because several subgraphs return it).
 */
@Directive('@shareable')
@Directive('@inaccessible')
@ObjectType('AuditRecord', { description: 'A1: one audited change, as a subgraph stores it (internal: read through auditLog).' })
@Entity({ name: 'audit_entries' })
@Index('ix_audit_entries_tenant_at', ['tenantId', 'at'])
@Index('ix_audit_entries_at', ['at'])
export class AuditEntryRecord {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /**
   * ISO 8601 UTC with milliseconds ("2027-01-01T00:00:00.000Z"): text, so it sorts the same on
   * every dialect and no driver shifts or truncates it.
   */
  @Field(() => String)
  @Column({ type: 'varchar', length: 24 })
  at: string;

  @Field(() => ID)
  @Column({ type: 'varchar', length: 36 })
  actorId: string;

  /** The actor's own tenant (the vendor tenant for an operator): not always the tenant changed. */
  @Field(() => ID)
  @Column({ type: 'varchar', length: 36 })
  actorTenantId: string;

  /** The tenant whose data changed; null for the vendor's own data (price rows, the support catalogue). */
  @Field(() => ID, { nullable: true })
  @Column({ type: 'varchar', length: 36, nullable: true })
  tenantId: string | null;

  @Field(() => String)
  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  before: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  after: string | null;
}

export interface AuditChange {
  /** When, from the request's injected clock. */
  at: Date;
  actor: Pick<Viewer, 'userId' | 'tenantId'>;
  /** The tenant whose data changed; null for the vendor's own data. */
  tenantId: string | null;
  /** What was done, e.g. `guestLicenses.order`, `priceRow.add`. */
  action: string;
  /** What it was done to (an id, or `kind:id`). */
  subject: string;
  /** The state before and after (JSON-serialised); null where there was none (created, deleted). */
  before?: unknown;
  after?: unknown;
}

const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

/**
 * A1: records a change in the caller's transaction (`manager` is the transaction's manager), so
 * the entry and the change commit or roll back together. The only writer of audit_entries:
 * nothing updates or deletes them.
 */
export async function recordAudit(manager: EntityManager, change: AuditChange): Promise<void> {
  await manager.insert(AuditEntryRecord, {
    id: randomUUID(),
    at: change.at.toISOString(),
    actorId: change.actor.userId,
    actorTenantId: change.actor.tenantId,
    tenantId: change.tenantId,
    action: change.action,
    subject: change.subject.slice(0, 200),
    before: json(change.before),
    after: json(change.after),
  });
}

/** Whose entries a viewer reads (A1): vendor operators all, a tenant's administrators their tenant's, nobody else any. */
export type AuditScope = { all: true } | { tenantId: string };

export function auditScopeOf(viewer: Viewer | null): AuditScope {
  if (!viewer) throw kitRefusals.refuse('signInRequired');
  if (isVendorAdmin(viewer)) return { all: true };
  if (isAdmin(viewer)) return { tenantId: viewer.tenantId };
  throw kitRefusals.refuse('auditReadForbidden');
}

export interface AuditPosition {
  at: string;
  id: string;
}

export const encodeAuditCursor = (position: AuditPosition) => encodeCursor({ at: position.at, id: position.id });
export const decodeAuditCursor = (cursor: string): AuditPosition => decodeCursor(cursor, ['at', 'id'] as const);

/** Newest first, ties by id: one total order every subgraph's entries merge in. */
export function compareAuditEntries(a: AuditPosition, b: AuditPosition): number {
  return a.at === b.at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.at < b.at ? 1 : -1;
}

/**
 * A1: what the reader narrows the log to (every part optional). `atFrom` (inclusive) and
 * `atBefore` (exclusive) are instants as stored (ISO 8601 UTC with milliseconds), so they compare
 * as text on every dialect. A tenant filter never widens the scope: an administrator asking for
 * another tenant gets nothing.
 */
export interface AuditFilter {
  action?: string | null;
  tenantId?: string | null;
  atFrom?: string | null;
  atBefore?: string | null;
}

/**
 * One page of this subgraph's entries in scope, after `after`, newest first: up to `first` + 1
 * rows so the merging side can tell whether more follow.
 */
export async function readAuditEntries(manager: EntityManager, scope: AuditScope, first: number | null | undefined, after: string | null | undefined, filter: AuditFilter = {}): Promise<AuditEntryRecord[]> {
  const size = pageSize(first);
  let qb = manager.getRepository(AuditEntryRecord).createQueryBuilder('a').where('1 = 1');
  if (!('all' in scope)) qb = qb.andWhere('a.tenantId = :scopeTenantId', { scopeTenantId: scope.tenantId });
  if (filter.tenantId) qb = qb.andWhere('a.tenantId = :filterTenantId', { filterTenantId: filter.tenantId });
  if (filter.action) qb = qb.andWhere('a.action = :action', { action: filter.action });
  if (filter.atFrom) qb = qb.andWhere('a.at >= :atFrom', { atFrom: filter.atFrom });
  if (filter.atBefore) qb = qb.andWhere('a.at < :atBefore', { atBefore: filter.atBefore });
  if (after) {
    const position = decodeAuditCursor(after);
    qb = qb.andWhere('(a.at < :at OR (a.at = :at AND a.id < :id))', position);
  }
  return qb.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').take(size + 1).getMany();
}

/** Merges the sources' pages into one page of `first`, newest first (A1 auditLog). */
export function mergeAuditPages<T extends AuditPosition>(pages: ReadonlyArray<readonly T[]>, first: number | null | undefined): { entries: T[]; hasNextPage: boolean } {
  const size = pageSize(first);
  const all = pages.flat().sort(compareAuditEntries);
  return { entries: all.slice(0, size), hasNextPage: all.length > size };
}

/**
 * The audit table, for each subgraph's own migration (A1): created with the same shape
 * everywhere, dropped on down.
 */
export async function createAuditTable(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.createTable(
    new Table({
      name: 'audit_entries',
      columns: [
        { name: 'id', type: 'varchar', length: '36', isPrimary: true },
        { name: 'at', type: 'varchar', length: '24' },
        { name: 'actorId', type: 'varchar', length: '36' },
        { name: 'actorTenantId', type: 'varchar', length: '36' },
        { name: 'tenantId', type: 'varchar', length: '36', isNullable: true },
        { name: 'action', type: 'varchar', length: '60' },
        { name: 'subject', type: 'varchar', length: '200' },
        { name: 'before', type: 'text', isNullable: true },
        { name: 'after', type: 'text', isNullable: true },
      ],
      indices: [new TableIndex({ name: 'ix_audit_entries_tenant_at', columnNames: ['tenantId', 'at'] }), new TableIndex({ name: 'ix_audit_entries_at', columnNames: ['at'] })],
    }),
  );
}

export async function dropAuditTable(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.dropTable('audit_entries');
}

/**
 * A1: the internal query a subgraph answers for spaces' `auditLog` merge: this subgraph's entries
 * the caller may read (auditScopeOf: the caller's own token is forwarded), newest first, up to
 * `first` + 1 after the cursor. `@inaccessible`: not part of the client API.
 */
export function createAuditRecordsResolver(queryName: string) {
  @Resolver()
  class AuditRecordsResolver {
    @Directive('@inaccessible')
    @Query(() => [AuditEntryRecord], { name: queryName, description: "A1 (internal, for spaces' auditLog): this subgraph's audit entries the caller may read, newest first." })
    async auditRecords(
      @Arg('first', () => Int, { nullable: true }) first: number | null,
      @Arg('after', () => String, { nullable: true }) after: string | null,
      @Ctx() ctx: RequestContext,
      // A1 filters, as spaces' auditLog passes them on (instants already, see AuditFilter)
      @Arg('action', () => String, { nullable: true }) action?: string | null,
      @Arg('tenantId', () => ID, { nullable: true }) tenantId?: string | null,
      @Arg('atFrom', () => String, { nullable: true }) atFrom?: string | null,
      @Arg('atBefore', () => String, { nullable: true }) atBefore?: string | null,
    ): Promise<AuditEntryRecord[]> {
      return readAuditEntries(ctx.dataSource.manager, auditScopeOf(ctx.viewer), first, after, { action, tenantId, atFrom, atBefore });
    }
  }
  return AuditRecordsResolver;
}
