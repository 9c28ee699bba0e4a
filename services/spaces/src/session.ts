import type { Role } from '@kyodo/auth';
import { languageOf } from './entities/enums.js';
import type { Tenant } from './entities/tenant.entity.js';
import type { User } from './entities/user.entity.js';
import type { SignInPayload } from './types/sign-in-payload.type.js';
import type { SpacesContext } from './context.js';
import { spacesRefusals } from './refusals/refusals.js';

export function rolesOf(user: User): Role[] {
  const roles: Role[] = [];
  if (user.kind === 'MEMBER' && user.isAdmin) roles.push('ADMIN');
  if (user.isSupportAgent) roles.push('SUPPORT_AGENT');
  if (user.kind === 'MEMBER' && user.isVendorAdmin) roles.push('VENDOR_ADMIN');
  return roles;
}

/**
 * Issues a short-lived token for a user who has proven who they are. When the tenant requires
 * a one-time password (T3) and the user has none yet, the sign-in still succeeds but the
 * payload says `totpEnrollmentRequired`: the client must run enableTotp/confirmTotp next.
 */
export async function issueSession(ctx: SpacesContext, user: User, tenant: Tenant, now: Date): Promise<SignInPayload> {
  const issuer = ctx.deps.issuer;
  if (!issuer) throw new Error('the spaces subgraph was started without a token issuer');
  // T5: whatever path led here (refresh, tenant switch, a link), a removed member gets no new session
  if (user.removedAt) throw spacesRefusals.refuse('accountRemoved');
  // I1: the language the person reads, signed into the token as `lng`: their own choice, else their tenant's
  const token = await issuer.sign(
    { userId: user.id, tenantId: user.tenantId, kind: user.kind, roles: rolesOf(user), accessVersion: user.accessVersion, language: languageOf(user.locale ?? tenant.locale) },
    { now },
  );
  return {
    token,
    user,
    expiresAt: new Date(now.getTime() + issuer.ttlSeconds * 1000),
    totpEnrollmentRequired: tenant.requireTotp && !user.totpEnabled,
  };
}
