import { randomUUID } from 'node:crypto';
import { recordAudit, requireAdmin, SURVIVES_OUTAGE } from '@kyodo/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { INTEGRATION_TOKEN_SCOPES, INTEGRATION_TOKEN_TTL_SECONDS, integrationTokenName } from '../domain/integration-tokens.js';
import { IntegrationToken } from '../entities/integration-token.entity.js';
import { User } from '../entities/user.entity.js';
import { IssueIntegrationTokenInput } from '../inputs/issue-integration-token.input.js';
import { IntegrationTokenPayload } from '../types/integration-token-payload.type.js';
import type { SpacesContext } from '../context.js';
import { spacesRefusals } from '../refusals/refusals.js';

/** C6: tokens other systems read cards with; issued, listed and revoked by tenant administrators. */
@Resolver(() => IntegrationToken)
export class IntegrationTokenResolver {
  @Query(() => [IntegrationToken], { ...SURVIVES_OUTAGE, description: "C6: the tenant's integration tokens, newest first, revoked ones included: tenant administrators only." })
  async integrationTokens(@Ctx() ctx: SpacesContext): Promise<IntegrationToken[]> {
    const viewer = requireAdmin(ctx);
    return ctx.dataSource.getRepository(IntegrationToken).find({ where: { tenantId: viewer.tenantId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  @FieldResolver(() => [String], { description: 'What the token may do: "cards:read".' })
  scopes(@Root() token: IntegrationToken): string[] {
    return token.scopes.split(',');
  }

  @FieldResolver(() => User, { nullable: true, description: 'The member whose card visibility the token reads with; null once they are gone.' })
  async actingUser(@Root() token: IntegrationToken, @Ctx() ctx: SpacesContext): Promise<User | null> {
    return ctx.loaders.userById.load(token.userId);
  }

  @Mutation(() => IntegrationTokenPayload, {
    description:
      'C6: issues a token another system (CRM, SFA, groupware) reads cards with, as one member of the tenant sees them (default: the administrator). ' +
      'It can only read cards, lives one year unless revoked, and is shown only in this answer: tenant administrators only.',
  })
  async issueIntegrationToken(@Arg('input', () => IssueIntegrationTokenInput) input: IssueIntegrationTokenInput, @Ctx() ctx: SpacesContext): Promise<IntegrationTokenPayload> {
    const viewer = requireAdmin(ctx);
    const issuer = ctx.deps.issuer;
    if (!issuer) throw new Error('the spaces subgraph was started without a token issuer');
    const name = integrationTokenName(input.name);
    if (!name) throw spacesRefusals.refuse('integrationTokenNameLength');
    const actingUserId = input.actAsUserId ?? viewer.userId;
    const acting = await ctx.dataSource.getRepository(User).findOneBy({ id: actingUserId, tenantId: viewer.tenantId });
    if (!acting || acting.removedAt) throw spacesRefusals.refuse('userNotFound'); // T5: a removed member acts for nobody
    if (acting.kind !== 'MEMBER') throw spacesRefusals.refuse('integrationTokenActsAsGuest');
    const now = ctx.clock.now();
    const row = {
      id: randomUUID(),
      tenantId: viewer.tenantId,
      userId: acting.id,
      name,
      scopes: INTEGRATION_TOKEN_SCOPES.join(','),
      createdBy: viewer.userId,
      expiresAt: new Date(now.getTime() + INTEGRATION_TOKEN_TTL_SECONDS * 1000),
      revokedAt: null,
    };
    await ctx.dataSource.transaction(async (manager) => {
      await manager.insert(IntegrationToken, row);
      // A1: a credential acting as a member is a permission; the token itself never goes into the log
      await recordAudit(manager, { at: now, actor: viewer, tenantId: viewer.tenantId, action: 'integrationToken.issue', subject: `IntegrationToken:${row.id}`, before: null, after: { name, actingUserId: acting.id, scopes: row.scopes, expiresAt: row.expiresAt.toISOString() } });
    });
    // no roles: the token reads as the member sees, and administers nothing (C6)
    const token = await issuer.sign(
      { userId: acting.id, tenantId: viewer.tenantId, kind: 'MEMBER', roles: [], scopes: [...INTEGRATION_TOKEN_SCOPES], tokenId: row.id, accessVersion: acting.accessVersion },
      { now, ttlSeconds: INTEGRATION_TOKEN_TTL_SECONDS },
    );
    return { token, id: row.id, name, scopes: [...INTEGRATION_TOKEN_SCOPES], expiresAt: row.expiresAt };
  }

  @Mutation(() => Boolean, { description: 'C6: revokes an integration token at once (the next request with it is refused): tenant administrators only. Revoking twice is harmless.' })
  async revokeIntegrationToken(@Arg('id', () => ID) id: string, @Ctx() ctx: SpacesContext): Promise<boolean> {
    const viewer = requireAdmin(ctx);
    const now = ctx.clock.now();
    return ctx.dataSource.transaction(async (manager) => {
      const row = await manager.findOneBy(IntegrationToken, { id, tenantId: viewer.tenantId });
      if (!row) throw spacesRefusals.refuse('integrationTokenNotFound');
      if (!row.revokedAt) {
        await manager.update(IntegrationToken, { id: row.id }, { revokedAt: now });
        await recordAudit(manager, { at: now, actor: viewer, tenantId: viewer.tenantId, action: 'integrationToken.revoke', subject: `IntegrationToken:${row.id}`, before: { revokedAt: null }, after: { revokedAt: now.toISOString() } });
      }
      return true;
    });
  }
}
