import { generateTotpSecret, totpUri, verifyTotp } from '@kyodo/auth';
import { recordAudit, requireViewer } from '@kyodo/subgraph-kit';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { SpaceMember } from '../entities/space-member.entity.js';
import { Tenant } from '../entities/tenant.entity.js';
import { User } from '../entities/user.entity.js';
import { assertGuestMayEnter } from '../licensing-gate.js';
import { issueSession } from '../session.js';
import { SignInPayload } from '../types/sign-in-payload.type.js';
import { totpSecretsFor } from '../totp-secrets.js';
import { TotpSetup } from '../types/totp-setup.type.js';
import type { SpacesContext } from '../context.js';
import { spacesRefusals } from '../refusals/refusals.js';

/** The signed-in viewer's own account: second factor (T3) and token refresh. */
@Resolver()
export class AccountResolver {
  @Mutation(() => TotpSetup, { description: 'T3: starts enrolment of a one-time password; nothing changes at sign-in until confirmTotp.' })
  async enableTotp(@Ctx() ctx: SpacesContext): Promise<TotpSetup> {
    const viewer = requireViewer(ctx);
    return ctx.dataSource.transaction(async (manager) => {
      const user = await manager.findOneBy(User, { id: viewer.userId, tenantId: viewer.tenantId });
      if (!user) throw spacesRefusals.refuse('accountGone');
      if (user.totpEnabled) throw spacesRefusals.refuse('totpAlreadyOn');
      const secret = generateTotpSecret();
      // only the encrypted form is stored; the secret itself is shown this once
      const sealed = (await totpSecretsFor(ctx.deps)).seal(secret, user.id);
      await manager.update(User, user.id, { totpSecret: sealed, totpEnabled: false });
      return { secret, otpauthUri: totpUri(secret, user.email) };
    });
  }

  @Mutation(() => Boolean, { description: 'T3: turns the one-time password on once a code from the app matches.' })
  async confirmTotp(@Arg('code', () => String) code: string, @Ctx() ctx: SpacesContext): Promise<boolean> {
    const viewer = requireViewer(ctx);
    return ctx.dataSource.transaction(async (manager) => {
      const user = await manager.findOneBy(User, { id: viewer.userId, tenantId: viewer.tenantId });
      if (!user) throw spacesRefusals.refuse('accountGone');
      if (user.totpEnabled) throw spacesRefusals.refuse('totpAlreadyOn');
      if (!user.totpSecret) throw spacesRefusals.refuse('totpNotStarted');
      const secret = (await totpSecretsFor(ctx.deps)).open(user.totpSecret, user.id);
      if (!verifyTotp(secret, code.trim(), ctx.clock.now())) throw spacesRefusals.refuse('totpCodeWrong');
      await manager.update(User, user.id, { totpEnabled: true });
      // A1: a change to how this person signs in (T3), recorded with it
      await recordAudit(manager, { at: ctx.clock.now(), actor: viewer, tenantId: viewer.tenantId, action: 'totp.enable', subject: `User:${user.id}`, before: { totpEnabled: false }, after: { totpEnabled: true } });
      return true;
    });
  }

  @Mutation(() => SignInPayload, {
    description: 'A fresh short-lived token for the signed-in viewer; refused when the account is gone, or a guest has been removed from every space (S10).',
  })
  async refreshToken(@Ctx() ctx: SpacesContext): Promise<SignInPayload> {
    const viewer = requireViewer(ctx);
    const user = await ctx.dataSource.getRepository(User).findOneBy({ id: viewer.userId, tenantId: viewer.tenantId });
    if (!user) throw spacesRefusals.refuse('accountGone');
    if (user.kind === 'GUEST' && !(await ctx.dataSource.getRepository(SpaceMember).existsBy({ userId: user.id }))) {
      throw spacesRefusals.refuse('guestWithoutSpaces');
    }
    const tenant = await ctx.dataSource.getRepository(Tenant).findOneByOrFail({ id: user.tenantId });
    await assertGuestMayEnter(ctx, user, tenant, ctx.clock.now());
    return issueSession(ctx, user, tenant, ctx.clock.now());
  }
}
