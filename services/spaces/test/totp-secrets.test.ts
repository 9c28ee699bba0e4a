import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox, generateSecretKeyEntry, generateTotpSecret, isSealed, parseSecretKeys, totpAt } from '@kyodo/auth';
import { isStartupError, ManualClock, silentLogger, type SubgraphHandle } from '@kyodo/subgraph-kit';
import { createClient, createTestAuth, createTestDatabase, DEMO, errorCodes, testDialects, type GraphQLClient, type TestAuth, type TestDatabase } from '@kyodo/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { User } from '../src/entities/user.entity.js';
import { spacesSubgraph } from '../src/index.js';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token } }`;
const KEY_A = generateSecretKeyEntry('ka');
const KEY_B = generateSecretKeyEntry('kb');
const KEY_C = generateSecretKeyEntry('kc');

/**
 * T3: TOTP secrets are encrypted at rest with TOTP_ENCRYPTION_KEYS. Each test restarts the spaces
 * subgraph on the same database with another keyring, as an operator rotating keys would.
 */
describe.each(testDialects())('T3: TOTP secrets at rest on %s', (dialect) => {
  let db: TestDatabase;
  let dataDir: string;
  let auth: TestAuth;
  let running: SubgraphHandle | undefined;
  const clock = new ManualClock('2026-11-21T01:00:00Z');

  beforeAll(async () => {
    db = await createTestDatabase('spaces-totp', dialect);
    dataDir = await mkdtemp(join(tmpdir(), 'kyodo-totp-'));
    auth = await createTestAuth();
  });
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });
  afterAll(async () => {
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function start(env: Record<string, string> = {}): Promise<{ handle: SubgraphHandle; client: GraphQLClient }> {
    await running?.close();
    running = undefined;
    const handle = await spacesSubgraph.create({ databaseUrl: db.url, verifier: auth.verifier, issuer: auth.issuer, clock, logger: silentLogger, dataDir, env });
    running = handle;
    await handle.seedDemo();
    return { handle, client: createClient(await handle.listen(0)) };
  }

  const storedSecret = async (handle: SubgraphHandle, userId: string) => (await handle.dataSource.getRepository(User).findOneByOrFail({ id: userId })).totpSecret;

  async function enrol(client: GraphQLClient, token: string): Promise<string> {
    const setup = await client.data<{ enableTotp: { secret: string } }>(`mutation { enableTotp { secret } }`, {}, { token });
    await client.data(`mutation { confirmTotp(code: "${totpAt(setup.enableTotp.secret, clock.now())}") }`, {}, { token });
    return setup.enableTotp.secret;
  }

  const signIn = (client: GraphQLClient, who: { email: string; password: string }, otp: string) =>
    client.request(SIGN_IN, { input: { tenant: 'demo', email: who.email, password: who.password, otp } });

  it('development: the stored value is an encrypted envelope, not the secret; the code still signs in; the key is made under DATA_DIR/keys/', async () => {
    const { handle, client } = await start();
    const secret = await enrol(client, (await auth.demoTokens()).member);
    const stored = await storedSecret(handle, DEMO.member.id);
    expect(stored).toMatch(/^v1:dev:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain(secret);
    expect(errorCodes(await signIn(client, DEMO.member, totpAt(secret, clock.now())))).toEqual([]);
    expect(errorCodes(await signIn(client, DEMO.member, '000000'))).toEqual(['UNAUTHENTICATED']);
    expect((await stat(join(dataDir, 'keys', 'totp-encryption-keys'))).mode & 0o077).toBe(0);
    await handle.dataSource.getRepository(User).update(DEMO.member.id, { totpSecret: null, totpEnabled: false });
  });

  it('a plain secret stored before encryption at rest is encrypted at the next start, and its user still signs in', async () => {
    const first = await start({ TOTP_ENCRYPTION_KEYS: KEY_A });
    const secret = generateTotpSecret();
    await first.handle.dataSource.getRepository(User).update(DEMO.admin.id, { totpSecret: secret, totpEnabled: true });
    const { handle, client } = await start({ TOTP_ENCRYPTION_KEYS: KEY_A });
    const stored = (await storedSecret(handle, DEMO.admin.id))!;
    expect(isSealed(stored)).toBe(true);
    expect(stored).not.toContain(secret);
    expect(createSecretBox(parseSecretKeys(KEY_A)).open(stored, `totp:${DEMO.admin.id}`)).toBe(secret);
    expect(errorCodes(await signIn(client, DEMO.admin, totpAt(secret, clock.now())))).toEqual([]);
  });

  it('rotation: a secret encrypted with the old key verifies with the new keyring, is re-encrypted with the new key, and then needs the old key no more', async () => {
    const first = await start({ TOTP_ENCRYPTION_KEYS: KEY_A });
    const secret = await enrol(first.client, (await auth.demoTokens()).member);
    expect(await storedSecret(first.handle, DEMO.member.id)).toMatch(/^v1:ka:/);

    const rotated = await start({ TOTP_ENCRYPTION_KEYS: `${KEY_B},${KEY_A}` });
    expect(errorCodes(await signIn(rotated.client, DEMO.member, totpAt(secret, clock.now())))).toEqual([]);
    expect(await storedSecret(rotated.handle, DEMO.member.id)).toMatch(/^v1:kb:/);

    const newOnly = await start({ TOTP_ENCRYPTION_KEYS: KEY_B });
    expect(errorCodes(await signIn(newOnly.client, DEMO.member, totpAt(secret, clock.now())))).toEqual([]);
  });

  it('fails closed: a keyring that opens none of the stored secrets stops the start with a clear message', async () => {
    await start({ TOTP_ENCRYPTION_KEYS: KEY_B });
    await running?.close();
    running = undefined;
    const refused = spacesSubgraph.create({ databaseUrl: db.url, verifier: auth.verifier, issuer: auth.issuer, clock, logger: silentLogger, dataDir, env: { TOTP_ENCRYPTION_KEYS: KEY_C } });
    const error = await refused.then(
      (handle) => {
        running = handle;
        return null;
      },
      (thrown: unknown) => thrown,
    );
    expect(isStartupError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^TOTP_ENCRYPTION_KEYS: stored TOTP secrets cannot be decrypted with the configured keys \(\d+ sealed with key "kb"[^)]*\); add the key they were encrypted with/);
  });

  it('fails closed at sign-in: a secret no configured key opens refuses the sign-in (never skips the second factor)', async () => {
    const { handle, client } = await start({ TOTP_ENCRYPTION_KEYS: KEY_B });
    const secret = generateTotpSecret();
    // written after the start (e.g. by a replica with another keyring)
    const foreign = createSecretBox(parseSecretKeys(KEY_C)).seal(secret, `totp:${DEMO.admin.id}`);
    await handle.dataSource.getRepository(User).update(DEMO.admin.id, { totpSecret: foreign, totpEnabled: true });
    const response = await signIn(client, DEMO.admin, totpAt(secret, clock.now()));
    expect(errorCodes(response)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(response.data).toBeNull();
    await handle.dataSource.getRepository(User).update(DEMO.admin.id, { totpSecret: null, totpEnabled: false });
  });

  it('production: without TOTP_ENCRYPTION_KEYS the subgraph does not start, and says which variable is missing', async () => {
    const error = await spacesSubgraph
      .create({ databaseUrl: db.url, verifier: auth.verifier, issuer: auth.issuer, clock, logger: silentLogger, dataDir, env: { NODE_ENV: 'production' } })
      .then(
        (handle) => {
          running = handle;
          return null;
        },
        (thrown: unknown) => thrown,
      );
    expect(isStartupError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Invalid environment:\n {2}TOTP_ENCRYPTION_KEYS: is required when NODE_ENV=production/);
  });
});
