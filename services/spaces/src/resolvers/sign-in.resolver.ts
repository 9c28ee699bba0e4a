import { timingDummyHash, verifyPassword, verifyTotp } from '@kyodo/auth';
import { VerbatimText } from '@kyodo/subgraph-kit';
import { Arg, Ctx, Field, InputType, Mutation, registerEnumType, Resolver } from 'type-graphql';
import { IsNull, type Repository } from 'typeorm';
import { afterFailure, afterSuccess, isLocked, type SignInState } from '../domain/sign-in.js';
import { Tenant } from '../entities/tenant.entity.js';
import { User } from '../entities/user.entity.js';
import { assertGuestMayEnter } from '../licensing-gate.js';
import { issueSession } from '../session.js';
import { totpSecretsFor } from '../totp-secrets.js';
import { SignInPayload } from '../types/sign-in-payload.type.js';
import type { SpacesContext } from '../context.js';
import { spacesRefusals, type SpacesRefusalKey } from '../refusals/refusals.js';

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

@Resolver()
export class SignInResolver {
  @Mutation(() => SignInPayload, { description: 'T3: email and password, plus a one-time password where the account or tenant uses one.' })
  async signIn(@Arg('input', () => SignInInput) input: SignInInput, @Ctx() ctx: SpacesContext): Promise<SignInPayload> {
    if (!ctx.deps.issuer) throw new Error('the spaces subgraph was started without a token issuer');
    const email = input.email.trim().toLowerCase();
    if (!email || !input.password) throw spacesRefusals.refuse('signInFieldsMissing');
    const now = ctx.clock.now();
    const users = ctx.dataSource.getRepository(User);
    const tenant = await ctx.dataSource.getRepository(Tenant).findOneBy({ subdomain: input.tenant.trim().toLowerCase() });
    const user = tenant ? await users.findOneBy({ tenantId: tenant.id, email }) : null;
    // T5: a removed member answers exactly like an unknown address
    if (!tenant || !user || user.removedAt) {
      // same work and same answer as a wrong password: nothing tells whether the email exists
      await verifyPassword(await timingDummyHash(), input.password);
      throw spacesRefusals.refuse('wrongCredentials');
    }
    if (isLocked(user, now)) throw lockedError(user, now);
    const fail = async (refusal: SpacesRefusalKey, extensions: Record<string, unknown> = {}) => {
      // the guess counts only if the account was not locked meanwhile by concurrent guesses
      const outcome = await changeSignInState(users, user.id, (state) => (isLocked(state, now) ? { refuse: lockedError(state, now) } : { next: afterFailure(state, now) }));
      return outcome ?? spacesRefusals.refuse(refusal, {}, extensions);
    };
    if (!(await verifyPassword(user.passwordHash, input.password))) throw await fail('wrongCredentials');
    if (user.totpEnabled && user.totpSecret) {
      if (!input.otp) throw spacesRefusals.refuse('otpRequired', {}, { otpRequired: true });
      const secret = (await totpSecretsFor(ctx.deps)).open(user.totpSecret, user.id);
      if (!verifyTotp(secret, input.otp, now)) throw await fail('otpWrong', { otpRequired: true });
    }
    if (user.kind === 'GUEST' && input.client === SignInClient.MOBILE) {
      throw spacesRefusals.refuse('guestMobileSignIn');
    }
    // L3/L8: the trial starts now at the latest; licensing says whether the guest may still enter
    await assertGuestMayEnter(ctx, Object.assign(new User(), user, { firstSignInAt: user.firstSignInAt ?? now }), tenant, now);
    const changes = { ...afterSuccess(), firstSignInAt: user.firstSignInAt ?? now };
    // the right password is refused too if concurrent wrong ones reached the lock while it was checked
    const refused = await changeSignInState(users, user.id, (state) => (isLocked(state, now) ? { refuse: lockedError(state, now) } : { next: changes }));
    if (refused) throw refused;
    Object.assign(user, changes);
    return issueSession(ctx, user, tenant, now);
  }
}

function lockedError(state: SignInState, now: Date) {
  const minutes = Math.ceil((state.lockedUntil!.getTime() - now.getTime()) / 60_000);
  return spacesRefusals.refuse('signInLocked', { minutes });
}

type SignInDecision = { next: SignInState & Partial<User> } | { refuse: Error };

/** A lost compare-and-set means another sign-in changed the row; with N racing, N rounds at most. */
const MAX_ROUNDS = 200;

/**
 * T3 across processes and replicas: the lockout state changes only by a compare-and-set on the
 * exact state the domain decided from (`UPDATE ... WHERE failedSignIns = ? AND lockedUntil = ?`),
 * one atomic statement on SQLite and MariaDB alike; a lost race re-reads and decides again. So the
 * rules stay in domain/sign-in.ts alone, and no two guesses are counted from the same state (a
 * read-then-write let 50 concurrent guesses count as 1). Answers the refusal, or null once written.
 */
async function changeSignInState(users: Repository<User>, userId: string, decide: (state: SignInState) => SignInDecision): Promise<Error | null> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const state = await users.findOneOrFail({ where: { id: userId }, select: { id: true, failedSignIns: true, lockedUntil: true, firstSignInAt: true } });
    const decision = decide(state);
    if ('refuse' in decision) return decision.refuse;
    // nothing to write (MariaDB would report 0 rows affected for an unchanged row)
    if (Object.entries(decision.next).every(([key, value]) => sameValue(value, (state as unknown as Record<string, unknown>)[key]))) return null;
    const result = await users.update({ id: userId, failedSignIns: state.failedSignIns, lockedUntil: state.lockedUntil ?? IsNull() }, decision.next);
    if (result.affected) return null;
  }
  return spacesRefusals.refuse('signInBusy');
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}
