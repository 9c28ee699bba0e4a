import { timingDummyHash, verifyPassword, verifyTotp } from '@kyodo/auth';
import { appError, badInput, forbidden, unauthenticated, VerbatimText } from '@kyodo/subgraph-kit';
import { Arg, Ctx, Field, InputType, Mutation, registerEnumType, Resolver } from 'type-graphql';
import { afterFailure, afterSuccess, isLocked } from '../domain/sign-in.js';
import { Tenant } from '../entities/tenant.entity.js';
import { User } from '../entities/user.entity.js';
import { assertGuestMayEnter } from '../licensing-gate.js';
import { issueSession } from '../session.js';
import { SignInPayload } from '../types/sign-in-payload.type.js';
import type { SpacesContext } from '../context.js';

export enum SignInClient {
  WEB = 'WEB',
  MOBILE = 'MOBILE',
}
registerEnumType(SignInClient, { name: 'SignInClient', description: 'The app signing in: guests may not use the mobile app (S5).' });

@InputType()
export class SignInInput {
  @Field(() => String, { description: 'The tenant sub-domain, e.g. "demo".' })
  tenant: string;

  @Field(() => String)
  email: string;

  @Field(() => String)
  @VerbatimText()
  password: string;

  @Field(() => String, { nullable: true, description: 'The 6-digit one-time password, when the account uses a second factor (T3).' })
  otp?: string | null;

  @Field(() => SignInClient, { nullable: true, defaultValue: SignInClient.WEB })
  client?: SignInClient;
}

const WRONG_CREDENTIALS = 'The email or password is wrong for this tenant.';

@Resolver()
export class SignInResolver {
  @Mutation(() => SignInPayload, { description: 'T3: email and password, plus a one-time password where the account or tenant uses one.' })
  async signIn(@Arg('input', () => SignInInput) input: SignInInput, @Ctx() ctx: SpacesContext): Promise<SignInPayload> {
    if (!ctx.deps.issuer) throw new Error('the spaces subgraph was started without a token issuer');
    const email = input.email.trim().toLowerCase();
    if (!email || !input.password) throw badInput('Enter both an email and a password.');
    const now = ctx.clock.now();
    const users = ctx.dataSource.getRepository(User);
    const tenant = await ctx.dataSource.getRepository(Tenant).findOneBy({ subdomain: input.tenant.trim().toLowerCase() });
    const user = tenant ? await users.findOneBy({ tenantId: tenant.id, email }) : null;
    if (!tenant || !user) {
      // same work and same answer as a wrong password: nothing tells whether the email exists
      await verifyPassword(await timingDummyHash(), input.password);
      throw unauthenticated(WRONG_CREDENTIALS);
    }
    if (isLocked(user, now)) {
      const minutes = Math.ceil((user.lockedUntil!.getTime() - now.getTime()) / 60_000);
      throw appError('TOO_MANY_REQUESTS', `Too many failed sign-ins: this account is locked for ${minutes} more minute(s).`);
    }
    const fail = async (message: string, extensions: Record<string, unknown> = {}) => {
      await users.update(user.id, afterFailure(user, now));
      return appError('UNAUTHENTICATED', message, extensions);
    };
    if (!(await verifyPassword(user.passwordHash, input.password))) throw await fail(WRONG_CREDENTIALS);
    if (user.totpEnabled && user.totpSecret) {
      if (!input.otp) throw appError('UNAUTHENTICATED', 'This account uses a one-time password: enter the 6-digit code from your authenticator app.', { otpRequired: true });
      if (!verifyTotp(user.totpSecret, input.otp, now)) throw await fail('The one-time password is wrong or has expired.', { otpRequired: true });
    }
    if (user.kind === 'GUEST' && input.client === SignInClient.MOBILE) {
      throw forbidden('Guests cannot use the mobile app (S5); sign in from a web browser.');
    }
    // L3/L8: the trial starts now at the latest; licensing says whether the guest may still enter
    await assertGuestMayEnter(ctx, Object.assign(new User(), user, { firstSignInAt: user.firstSignInAt ?? now }), tenant, now);
    const changes = { ...afterSuccess(), firstSignInAt: user.firstSignInAt ?? now };
    await users.update(user.id, changes);
    Object.assign(user, changes);
    return issueSession(ctx, user, tenant, now);
  }
}
