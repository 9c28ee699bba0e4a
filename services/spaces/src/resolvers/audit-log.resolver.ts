import { auditScopeOf, encodeAuditCursor, mergeAuditPages, pageSize, readAuditEntries, SURVIVES_OUTAGE, type AuditEntryRecord } from '@kyodo/subgraph-kit';
import { In } from 'typeorm';
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { auditFilterOf } from '../domain/audit-filter.js';
import { DateScalar } from '../scalars/date.scalar.js';
import { peerAuditPages } from '../audit-sources.js';
import type { SpacesContext } from '../context.js';
import { User } from '../entities/user.entity.js';
import { AuditEntry, AuditEntryConnection } from '../types/audit-entry.type.js';

/**
 * A1: the audit log, one list over every subgraph's entries: spaces' own and, through the internal
 * peer queries, licensing's and support's, merged newest first by (at, id) with one cursor.
 * Tenant administrators read their tenant's entries, vendor operators all; anyone else is refused.
 */
@Resolver(() => AuditEntry)
export class AuditLogResolver {
  @Query(() => AuditEntryConnection, {
    // a peer's outage nulls this field only, not the rest of the answer (SURVIVES_OUTAGE)
    ...SURVIVES_OUTAGE,
    description:
      "A1: audited changes, newest first (UTC). A tenant's administrators read their tenant's entries; vendor operators read all; anyone else: FORBIDDEN. Optional filters: an exact `action`, a `tenantId` (operators: any tenant; an administrator asking for another tenant gets none), and `from`/`to` calendar days in Asia/Tokyo, both inclusive.",
  })
  async auditLog(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: SpacesContext,
    @Arg('action', () => String, { nullable: true, description: "An exact action, e.g. 'member.add'." }) action?: string | null,
    @Arg('tenantId', () => ID, { nullable: true, description: 'Only the entries about this tenant.' }) tenantId?: string | null,
    @Arg('from', () => DateScalar, { nullable: true, description: 'From this day (Asia/Tokyo), inclusive.' }) from?: string | null,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Up to this day (Asia/Tokyo), inclusive.' }) to?: string | null,
  ): Promise<AuditEntryConnection | null> {
    const scope = auditScopeOf(ctx.viewer);
    const size = pageSize(first);
    const filter = auditFilterOf({ action, tenantId, from, to });
    // each source gives up to size + 1 after the cursor; the merged page is the first `size` of them all
    const [own, peers] = await Promise.all([readAuditEntries(ctx.dataSource.manager, scope, size, after, filter), peerAuditPages(ctx, size, after, filter)]);
    const { entries, hasNextPage } = mergeAuditPages<Pick<AuditEntryRecord, 'id' | 'at' | 'actorId' | 'tenantId' | 'action' | 'subject' | 'before' | 'after'>>([own, ...peers], size);
    const actorIds = [...new Set(entries.map((e) => e.actorId))];
    const actors = actorIds.length > 0 ? await ctx.dataSource.getRepository(User).find({ select: { id: true, name: true, email: true }, where: { id: In(actorIds) } }) : [];
    const displayOf = new Map(actors.map((u) => [u.id, u.name || u.email]));
    const edges = entries.map((e) => ({
      cursor: encodeAuditCursor(e),
      node: { id: e.id, at: new Date(e.at), actor: { id: e.actorId, display: displayOf.get(e.actorId) ?? e.actorId }, tenantId: e.tenantId, action: e.action, subject: e.subject, before: e.before, after: e.after },
    }));
    return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
