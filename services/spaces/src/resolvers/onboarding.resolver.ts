import { randomBytes } from 'node:crypto';
import { hashPassword, isVendorAdmin } from '@kyodo/auth';
import { isUniqueViolation, recordAudit, requireViewer } from '@kyodo/subgraph-kit';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { IsNull, Not } from 'typeorm';
import { hashInvitationToken, MIN_PASSWORD_LENGTH, normaliseEmail } from '../domain/invitations.js';
import { normaliseSubdomain, refuseMemberSeats, refuseSubdomain, tenantIdFor } from '../domain/onboarding.js';
import { passwordSetupState } from '../domain/password-setup.js';
import { afterSuccess } from '../domain/sign-in.js';
import { GuestPolicy, GuestSpaceCreators, Locale, MailFormat } from '../entities/enums.js';
import { PasswordSetup } from '../entities/password-setup.entity.js';
import { Tenant } from '../entities/tenant.entity.js';
import { newMemberUser, User } from '../entities/user.entity.js';
import { CreateTenantInput } from '../inputs/create-tenant.input.js';
import { SetPasswordInput } from '../inputs/set-password.input.js';
import { confirmBaseContract, createBaseContract } from '../licensing-contracts.js';
import { sendPasswordSetup } from '../password-setups.js';
import { issueSession } from '../session.js';
import { SignInPayload } from '../types/sign-in-payload.type.js';
import { revokeAccess, settleAccessChange } from '../access-feed.js';
import type { SpacesContext } from '../context.js';
import { refuseInvisibleInName } from '../domain/names.js';
import { refuseWeakPassword } from '../domain/password-strength.js';
import { spacesRefusals, type SpacesRefusalKey } from '../refusals/refusals.js';

/** Why a set-password link does not work (T4), by its state; the state is also sent as `extensions.reason`. */
const INVALID_LINK = {
  UNKNOWN: 'setPasswordLinkInvalid',
  USED: 'setPasswordLinkUsed',
  EXPIRED: 'setPasswordLinkExpired',
} as const satisfies Record<string, SpacesRefusalKey>;

const invalidLink = (reason: keyof typeof INVALID_LINK) => spacesRefusals.refuse(INVALID_LINK[reason], {}, { reason });

/** A password nobody knows: the member has no way in until they use their set-password link. */
const unusablePasswordHash = () => hashPassword(randomBytes(32).toString('base64url'));

/** Text a person typed as a name: trimmed, 1 to 200 characters; `field` is the input it came from. */
function requiredName(raw: string, field: 'name' | 'admin.name'): string {
  const name = raw.trim();
  if (!name || name.length > 200) throw spacesRefusals.refuse(field === 'name' ? 'organisationNameLength' : 'adminNameLength');
  const invisible = refuseInvisibleInName(name);
  if (invisible) throw spacesRefusals.refuseWith(invisible, { field });
  return name;
}

/** What a person's own password must not be built from (T3): their email, name and sub-domain. */
async function personalWordsOf(ctx: SpacesContext, userId: string, tenantId: string): Promise<string[]> {
  const [user, tenant] = await Promise.all([ctx.dataSource.getRepository(User).findOneBy({ id: userId }), ctx.dataSource.getRepository(Tenant).findOneBy({ id: tenantId })]);
  return [user?.email ?? '', user?.name ?? '', tenant?.subdomain ?? ''];
}

@Resolver()
export class OnboardingResolver {
  @Mutation(() => Tenant, {
    description:
      'T4/T5: a vendor operator (VENDOR_ADMIN) creates a tenant (a sub-domain never used before), its first administrator, who gets a set-password mail, and its base contract (at least 5 member seats, made by licensing). All or nothing.',
  })
  async createTenant(@Arg('input', () => CreateTenantInput) input: CreateTenantInput, @Ctx() ctx: SpacesContext): Promise<Tenant> {
    const viewer = requireViewer(ctx);
    if (!isVendorAdmin(viewer)) throw spacesRefusals.refuse('tenantCreateVendorOnly');
    const subdomain = normaliseSubdomain(input.subdomain);
    const refusal = refuseSubdomain(subdomain);
    if (refusal) throw spacesRefusals.refuseWith(refusal);
    const name = requiredName(input.name, 'name');
    const adminEmail = normaliseEmail(input.admin.email);
    if (!adminEmail) throw spacesRefusals.refuse('adminEmailInvalid');
    const adminName = requiredName(input.admin.name, 'admin.name');
    const seatRefusal = refuseMemberSeats(input.contract.memberSeats);
    if (seatRefusal) throw spacesRefusals.refuseWith(seatRefusal);
    const now = ctx.clock.now();
    const tenantId = tenantIdFor(subdomain);
    let created: Tenant;
    try {
      created = await ctx.dataSource.transaction(async (manager) => {
        // T4: tenants are never deleted (cancellation only marks them), so every sub-domain ever used is still here
        if (await manager.existsBy(Tenant, [{ subdomain }, { id: tenantId }])) throw spacesRefusals.refuse('subdomainTaken', { subdomain });
        const tenant = Object.assign(new Tenant(), {
          id: tenantId,
          subdomain,
          name,
          locale: input.locale ?? Locale.JA,
          requireTotp: false,
          guestPolicy: GuestPolicy.KINTONE,
          mailFormat: MailFormat.HTML,
          guestSpaceCreators: GuestSpaceCreators.MEMBERS,
          contractCancelledAt: null,
        });
        await manager.insert(Tenant, tenant);
        const admin = newMemberUser({ tenantId, email: adminEmail, name: adminName, passwordHash: await unusablePasswordHash(), isAdmin: true });
        await manager.insert(User, admin);
        // licensing refuses (T5 seats, a clashing contract) or is unreachable: the throw rolls all of this back
        await createBaseContract(ctx, tenantId, {
          course: input.contract.course,
          billingCycle: input.contract.billingCycle,
          startsOn: input.contract.startsOn,
          memberSeats: input.contract.memberSeats,
          // Q1: invoices are addressed to the registered name, the display name unless one is given
          recipientName: input.contract.registeredName?.trim() || name,
        });
        await sendPasswordSetup(ctx, manager, tenant, admin, now, true);
        // A1: the operator's change, in the same transaction as the tenant
        await recordAudit(manager, { at: now, actor: viewer, tenantId, action: 'tenant.create', subject: `Tenant:${tenantId}`, before: null, after: { subdomain, name, locale: tenant.locale, admin: { id: admin.id, email: adminEmail }, contract: input.contract } });
        ctx.logger.info('tenant created', { tenantId, subdomain, by: viewer.userId });
        return manager.findOneByOrFail(Tenant, { id: tenantId });
      });
    } catch (error) {
      // two operators racing for one sub-domain: the loser is told, not shown an internal error
      if (isUniqueViolation(error)) throw spacesRefusals.refuse('subdomainTaken', { subdomain });
      throw error;
    }
    // issue 18 #6: committed, so the tenant exists: licensing may now bill its contract. The tenant
    // stands if this fails; its contract stays pending (the billing run lists it for an operator)
    try {
      await confirmBaseContract(ctx, tenantId);
    } catch (error) {
      ctx.logger.error('the base contract of a new tenant could not be confirmed; it stays pending until an operator confirms it', { tenantId, error: error instanceof Error ? error.message : String(error) });
    }
    return created;
  }

  @Mutation(() => Boolean, {
    description:
      "T4: a vendor operator (VENDOR_ADMIN) sends a tenant's administrator who has not set a password yet a new set-password link (valid 7 days); every older link of theirs stops working at once. Audited (A1).",
  })
  async resendSetPasswordLink(@Arg('tenant', () => String) subdomain: string, @Arg('email', () => String) rawEmail: string, @Ctx() ctx: SpacesContext): Promise<boolean> {
    const viewer = requireViewer(ctx);
    if (!isVendorAdmin(viewer)) throw spacesRefusals.refuse('resendLinkVendorOnly');
    const now = ctx.clock.now();
    const email = normaliseEmail(rawEmail);
    await ctx.dataSource.transaction(async (manager) => {
      const tenant = await manager.findOneBy(Tenant, { subdomain: normaliseSubdomain(subdomain) });
      const user = tenant && email ? await manager.findOneBy(User, { tenantId: tenant.id, email, kind: 'MEMBER', isAdmin: true, removedAt: IsNull() }) : null;
      if (!tenant || !user) throw spacesRefusals.refuse('tenantAdminNotFound');
      const used = await manager.existsBy(PasswordSetup, { userId: user.id, usedAt: Not(IsNull()) });
      if (used || user.firstSignInAt) throw spacesRefusals.refuse('adminPasswordAlreadySet');
      // the older links stop working at once: only the newest one is kept
      const older = await manager.delete(PasswordSetup, { userId: user.id, usedAt: IsNull() });
      await sendPasswordSetup(ctx, manager, tenant, user, now, true);
      await recordAudit(manager, { at: now, actor: viewer, tenantId: tenant.id, action: 'passwordSetup.resend', subject: `User:${user.id}`, before: { openLinks: older.affected ?? 0 }, after: { openLinks: 1 } });
    });
    return true;
  }

  @Mutation(() => SignInPayload, {
    description: 'T4: a member sets their password from the link in their set-password mail (single use, valid 7 days) and is signed in, as by signIn.',
  })
  async setPassword(@Arg('input', () => SetPasswordInput) input: SetPasswordInput, @Ctx() ctx: SpacesContext): Promise<SignInPayload> {
    const now = ctx.clock.now();
    const setup = await ctx.dataSource.getRepository(PasswordSetup).findOneBy({ tokenHash: hashInvitationToken(input.token.trim()) });
    if (!setup) throw invalidLink('UNKNOWN');
    const state = passwordSetupState(setup, now);
    if (state !== 'VALID') throw invalidLink(state);
    if (input.password.length < MIN_PASSWORD_LENGTH) throw spacesRefusals.refuse('passwordTooShort', { min: MIN_PASSWORD_LENGTH });
    const weak = refuseWeakPassword(input.password, await personalWordsOf(ctx, setup.userId, setup.tenantId));
    if (weak) throw spacesRefusals.refuseWith(weak);
    const passwordHash = await hashPassword(input.password);
    const { user, tenant } = await ctx.dataSource.transaction(async (manager) => {
      // single use even when two requests race with the same link
      const claimed = await manager.update(PasswordSetup, { id: setup.id, usedAt: IsNull() }, { usedAt: now });
      if ((claimed.affected ?? 0) !== 1) throw invalidLink('USED');
      const user = await manager.findOneBy(User, { id: setup.userId, tenantId: setup.tenantId, removedAt: IsNull() });
      if (!user) throw invalidLink('UNKNOWN');
      const changes = { passwordHash, ...afterSuccess(), firstSignInAt: user.firstSignInAt ?? now };
      await manager.update(User, user.id, changes);
      // T5: a new password ends every session signed before it, everywhere
      await revokeAccess(manager, user.tenantId, [user.id]);
      const tenant = await manager.findOneByOrFail(Tenant, { id: user.tenantId });
      return { user: Object.assign(user, changes, { accessVersion: user.accessVersion + 1 }), tenant };
    });
    await settleAccessChange(ctx);
    return issueSession(ctx, user, tenant, now);
  }
}
