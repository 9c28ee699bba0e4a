import { DEMO_SPACES } from '@kyodo/spaces';
import { DEMO, errorCodes, readMailbox, signInAs, testDialects, type Stack } from '@kyodo/testkit';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFullStack } from './full-stack.js';

/**
 * Issue 19: the world in motion. Random sequences of administrators' actions (remove and add
 * members again, make and unmake administrators, remove and re-add the guest, issue and revoke
 * integration tokens, sign in) against a small model of who may do what; after EVERY step every
 * token any actor still holds (removed people's, demoted administrators', revoked integration
 * tokens' included) is used through the gateway, reading spaces and cards, and must answer what
 * the model says, with no grace period (T2, T5, S10, C6).
 *
 * Default: KYODO_MOTION_RUNS=6 sequences of up to 10 steps (well under a minute per dialect);
 * more with KYODO_MOTION_RUNS=N. A failure prints fast-check's seed and path: replay with
 * KYODO_MOTION_SEED=<seed> (and KYODO_MOTION_PATH=<path>).
 */
const RUNS = Number(process.env.KYODO_MOTION_RUNS ?? 6);
const SEED = process.env.KYODO_MOTION_SEED === undefined ? undefined : Number(process.env.KYODO_MOTION_SEED);
const PATH = process.env.KYODO_MOTION_PATH;

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token } }`;
const REMOVE = `mutation($id: ID!) { removeMember(userId: $id) }`;
const ADD = `mutation($input: AddMemberInput!) { addMember(input: $input) { id } }`;
const SET_ADMIN = `mutation($id: ID!, $isAdmin: Boolean!) { setMemberAdmin(userId: $id, isAdmin: $isAdmin) { id } }`;
const SET_PASSWORD = `mutation($input: SetPasswordInput!) { setPassword(input: $input) { token } }`;
const ISSUE = `mutation($input: IssueIntegrationTokenInput!) { issueIntegrationToken(input: $input) { token id } }`;
const REVOKE = `mutation($id: ID!) { revokeIntegrationToken(id: $id) }`;
const REMOVE_GUEST = `mutation($input: RemoveGuestInput!) { removeGuest(input: $input) }`;
const ADD_SPACE_MEMBER = `mutation($input: SpaceMemberInput!) { addSpaceMember(input: $input) { id } }`;
const SESSION_READ = `query($space: ID!) { viewer { id tenant { members { id } } } space(id: $space) { id } cards(first: 1) { edges { node { id } } } }`;
const GUEST_READ = `query($space: ID!) { viewer { id } space(id: $space) { id } }`;
const CRM_READ = `{ cards(first: 1) { edges { node { id } } } }`;
const SET_PASSWORD_LINK = /set-password\?token=([A-Za-z0-9_-]+)/g;

/** The people the sequences move: members of the demo tenant (the demo admin stays admin throughout and acts). */
const PEOPLE = ['m0', 'm1', 'm2'] as const;
type Person = (typeof PEOPLE)[number];
const emailOf = (p: Person) => `motion-${p}@demo.example`;
const PASSWORD = 'motion-password-1';

interface Held {
  /** Whose it is, and what it was issued as. */
  owner: Person | 'guest';
  kind: 'session' | 'integration';
  token: string;
  /** The model: usable until its owner's access changes (or, for an integration token, it is revoked). */
  valid: boolean;
  admin: boolean;
  integrationId?: string;
}

interface Model {
  people: Record<Person, { id: string; active: boolean; admin: boolean }>;
  guestInPartner: boolean;
  held: Held[];
}

interface Real {
  stack: Stack;
  admin: string;
}

function invalidate(model: Model, owner: Held['owner'], kinds: Held['kind'][] = ['session', 'integration']) {
  for (const held of model.held) if (held.owner === owner && kinds.includes(held.kind)) held.valid = false;
}

async function signIn(real: Real, p: Person): Promise<string> {
  return (await real.stack.client.data<{ signIn: { token: string } }>(SIGN_IN, { input: { tenant: DEMO.tenant.subdomain, email: emailOf(p), password: PASSWORD } })).signIn.token;
}

/** The newest set-password link mailed to p (addMember sends one). */
async function setPasswordFromMail(real: Real, p: Person): Promise<void> {
  const mails = (await readMailbox(real.stack.dataDir)).filter((mail) => mail.raw.includes(`To: ${emailOf(p)}`));
  const tokens = mails.flatMap((mail) => [...mail.decoded.matchAll(SET_PASSWORD_LINK)].map((m) => m[1]!));
  for (const token of tokens.reverse()) {
    const answer = await real.stack.client.request(SET_PASSWORD, { input: { token, password: PASSWORD } });
    if (!answer.errors) return;
  }
  throw new Error(`no usable set-password link for ${emailOf(p)}`);
}

/** After every step: every token held answers as the model says. */
async function checkEveryone(model: Model, real: Real): Promise<void> {
  for (const held of model.held) {
    const label = `${held.kind} token of ${held.owner} (${held.valid ? 'valid' : 'revoked'})`;
    if (held.kind === 'integration') {
      const answer = await real.stack.client.request<{ cards: unknown }>(CRM_READ, {}, { token: held.token });
      if (held.valid) expect(errorCodes(answer), label).toEqual([]);
      else expect(errorCodes(answer), label).toEqual(['UNAUTHENTICATED']);
      continue;
    }
    const answer = await real.stack.client.request<{ viewer: { tenant: { members: unknown[] | null } } | null; space: { id: string } | null; cards: unknown }>(
      held.owner === 'guest' ? GUEST_READ : SESSION_READ,
      { space: DEMO_SPACES.partner.id },
      { token: held.token },
    );
    if (!held.valid) {
      const codes = errorCodes(answer);
      expect(codes.length, label).toBeGreaterThan(0);
      expect(new Set(codes), label).toEqual(new Set(['UNAUTHENTICATED']));
      continue;
    }
    expect(errorCodes(answer), label).toEqual([]);
    if (held.owner === 'guest') {
      // S3/S10: the guest reads the partner space only while in it
      expect(answer.data?.space ?? null, label).toEqual(model.guestInPartner ? { id: DEMO_SPACES.partner.id } : null);
    } else {
      expect(answer.data?.cards, label).not.toBeNull();
      // T2: the administrators' list answers only a token that is an administrator's now
      expect(answer.data?.viewer?.tenant.members !== null, label).toBe(held.admin);
    }
  }
}

type Cmd = fc.AsyncCommand<Model, Real>;

const person = fc.constantFrom(...PEOPLE);

class Remove implements Cmd {
  constructor(readonly p: Person) {}
  check = (m: Readonly<Model>) => m.people[this.p].active;
  async run(m: Model, r: Real) {
    expect(await r.stack.client.data(REMOVE, { id: m.people[this.p].id }, { token: r.admin })).toEqual({ removeMember: true });
    m.people[this.p].active = false;
    m.people[this.p].admin = false;
    invalidate(m, this.p);
    await checkEveryone(m, r);
  }
  toString = () => `remove(${this.p})`;
}

class AddAgain implements Cmd {
  constructor(readonly p: Person) {}
  check = (m: Readonly<Model>) => !m.people[this.p].active;
  async run(m: Model, r: Real) {
    await r.stack.client.data(ADD, { input: { email: emailOf(this.p), name: `動く ${this.p}` } }, { token: r.admin });
    await setPasswordFromMail(r, this.p);
    m.people[this.p].active = true;
    // item 5: nothing of before comes back
    invalidate(m, this.p);
    await checkEveryone(m, r);
  }
  toString = () => `addAgain(${this.p})`;
}

class SetAdmin implements Cmd {
  constructor(
    readonly p: Person,
    readonly admin: boolean,
  ) {}
  check = (m: Readonly<Model>) => m.people[this.p].active;
  async run(m: Model, r: Real) {
    await r.stack.client.data(SET_ADMIN, { id: m.people[this.p].id, isAdmin: this.admin }, { token: r.admin });
    // a role that really changed revokes; the same role again changes nothing
    if (m.people[this.p].admin !== this.admin) invalidate(m, this.p);
    m.people[this.p].admin = this.admin;
    await checkEveryone(m, r);
  }
  toString = () => `setAdmin(${this.p}, ${this.admin})`;
}

class SignIn implements Cmd {
  constructor(readonly p: Person) {}
  check = (m: Readonly<Model>) => m.people[this.p].active;
  async run(m: Model, r: Real) {
    m.held.push({ owner: this.p, kind: 'session', token: await signIn(r, this.p), valid: true, admin: m.people[this.p].admin });
    await checkEveryone(m, r);
  }
  toString = () => `signIn(${this.p})`;
}

class Issue implements Cmd {
  constructor(readonly p: Person) {}
  check = (m: Readonly<Model>) => m.people[this.p].active;
  async run(m: Model, r: Real) {
    const issued = (await r.stack.client.data<{ issueIntegrationToken: { token: string; id: string } }>(ISSUE, { input: { name: 'motion', actAsUserId: m.people[this.p].id } }, { token: r.admin }))
      .issueIntegrationToken;
    m.held.push({ owner: this.p, kind: 'integration', token: issued.token, valid: true, admin: false, integrationId: issued.id });
    await checkEveryone(m, r);
  }
  toString = () => `issue(${this.p})`;
}

class Revoke implements Cmd {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.held.some((h) => h.kind === 'integration');
  async run(m: Model, r: Real) {
    const tokens = m.held.filter((h) => h.kind === 'integration');
    const held = tokens[this.pick % tokens.length]!;
    await r.stack.client.data(REVOKE, { id: held.integrationId }, { token: r.admin });
    held.valid = false;
    await checkEveryone(m, r);
  }
  toString = () => `revoke(#${this.pick})`;
}

class GuestOut implements Cmd {
  check = (m: Readonly<Model>) => m.guestInPartner;
  async run(m: Model, r: Real) {
    await r.stack.client.data(REMOVE_GUEST, { input: { spaceId: DEMO_SPACES.partner.id, userId: DEMO.guest.id } }, { token: r.admin });
    m.guestInPartner = false;
    await checkEveryone(m, r);
  }
  toString = () => 'guestOut';
}

class GuestIn implements Cmd {
  check = (m: Readonly<Model>) => !m.guestInPartner;
  async run(m: Model, r: Real) {
    await r.stack.client.data(ADD_SPACE_MEMBER, { input: { spaceId: DEMO_SPACES.partner.id, userId: DEMO.guest.id } }, { token: r.admin });
    m.guestInPartner = true;
    await checkEveryone(m, r);
  }
  toString = () => 'guestIn';
}

const commands = [
  person.map((p) => new Remove(p) as Cmd),
  person.map((p) => new AddAgain(p) as Cmd),
  fc.tuple(person, fc.boolean()).map(([p, admin]) => new SetAdmin(p, admin) as Cmd),
  person.map((p) => new SignIn(p) as Cmd),
  person.map((p) => new Issue(p) as Cmd),
  fc.nat(20).map((n) => new Revoke(n) as Cmd),
  fc.constant(new GuestOut() as Cmd),
  fc.constant(new GuestIn() as Cmd),
];

describe.each(testDialects())('the world in motion on %s (issue 19)', (dialect) => {
  let stack: Stack;
  let admin: string;
  let guest: string;
  const ids = {} as Record<Person, string>;
  beforeAll(async () => {
    stack = await startFullStack({ dialect, production: true });
    admin = await signInAs(stack.client, 'admin');
    guest = await signInAs(stack.client, 'guest');
    for (const p of PEOPLE) {
      ids[p] = (await stack.client.data<{ addMember: { id: string } }>(ADD, { input: { email: emailOf(p), name: `動く ${p}` } }, { token: admin })).addMember.id;
      await setPasswordFromMail({ stack, admin }, p);
    }
  });
  afterAll(() => stack?.close());

  it('after every step, every token held answers as the model says, with no grace period', async () => {
    const real = () => ({ stack, admin });
    /** Each sequence starts from the same world: everyone an active member, the guest in the partner space, no tokens held but fresh ones. */
    const resetWorld = async (): Promise<Model> => {
      const r = real();
      const model: Model = { people: {} as Model['people'], guestInPartner: true, held: [] };
      const state = await stack.handles.spaces!.dataSource.query('SELECT id, isAdmin, removedAt FROM users WHERE id IN (?, ?, ?)', PEOPLE.map((p) => ids[p]));
      for (const p of PEOPLE) {
        const row = (state as Array<{ id: string; isAdmin: number | boolean; removedAt: unknown }>).find((u) => u.id === ids[p])!;
        if (row.removedAt) {
          await stack.client.data(ADD, { input: { email: emailOf(p), name: `動く ${p}` } }, { token: admin });
          await setPasswordFromMail(r, p);
        } else if (row.isAdmin === true || row.isAdmin === 1) {
          await stack.client.data(SET_ADMIN, { id: ids[p], isAdmin: false }, { token: admin });
        }
        model.people[p] = { id: ids[p], active: true, admin: false };
        model.held.push({ owner: p, kind: 'session', token: await signIn(r, p), valid: true, admin: false });
      }
      const inPartner = await stack.handles.spaces!.dataSource.query('SELECT userId FROM space_members WHERE spaceId = ? AND userId = ?', [DEMO_SPACES.partner.id, DEMO.guest.id]);
      if ((inPartner as unknown[]).length === 0) await stack.client.data(ADD_SPACE_MEMBER, { input: { spaceId: DEMO_SPACES.partner.id, userId: DEMO.guest.id } }, { token: admin });
      model.held.push({ owner: 'guest', kind: 'session', token: guest, valid: true, admin: false });
      return model;
    };
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 10 }), async (cmds) => {
        const model = await resetWorld();
        await checkEveryone(model, real());
        await fc.asyncModelRun(() => ({ model, real: real() }), cmds);
      }),
      { numRuns: RUNS, seed: SEED, path: PATH, endOnFailure: true, verbose: 1 },
    );
  }, 600_000);
});
