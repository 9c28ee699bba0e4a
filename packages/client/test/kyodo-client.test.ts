import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createKyodoClient, documentHash, KyodoRequestError, ViewerDocument, RefreshTokenDocument, SignInDocument } from '../src/index.js';
import documents from '../src/gql/persisted-documents.json' with { type: 'json' };

interface Sent {
  body: { query?: string; variables?: unknown; extensions?: { persistedQuery?: { sha256Hash?: string } } };
  authorization: string | null;
  acceptLanguage: string | null;
}

/** A fetch that records what the client sent and answers from a script. */
function scriptedFetch(answer: (sent: Sent) => unknown) {
  const sent: Sent[] = [];
  const fetchFn = (async (_url: string | URL | Request, init?: RequestInit) => {
    const entry: Sent = { body: JSON.parse(String(init?.body)) as Sent['body'], authorization: new Headers(init?.headers).get('authorization'), acceptLanguage: new Headers(init?.headers).get('accept-language') };
    sent.push(entry);
    return new Response(JSON.stringify(answer(entry)), { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { sent, fetchFn };
}

const VIEWER = { viewer: { id: 'u1', name: 'Aiko', kind: 'MEMBER', tenant: { subdomain: 'demo', contract: null }, cardCount: 0, isSupportRegistrant: false } };

describe('the typed client', () => {
  it('sends a registered document by its hash only, and the hash is the manifest\'s key for that text', async () => {
    const { sent, fetchFn } = scriptedFetch(() => ({ data: VIEWER }));
    const client = createKyodoClient({ url: 'http://gateway/graphql', fetch: fetchFn });
    expect(await client.data(ViewerDocument)).toEqual(VIEWER);
    expect(sent[0]?.body.query).toBeUndefined();
    const hash = sent[0]?.body.extensions?.persistedQuery?.sha256Hash;
    expect(hash).toBe(documentHash(ViewerDocument));
    expect((documents as Record<string, string>)[`sha256:${hash}`]).toMatch(/^query Viewer/);
  });

  it('I1: sends the language the app shows as Accept-Language, read afresh for each request; none without one', async () => {
    const { sent, fetchFn } = scriptedFetch(() => ({ data: VIEWER }));
    let shown = 'ja';
    const client = createKyodoClient({ url: 'http://gateway/graphql', fetch: fetchFn, acceptLanguage: () => shown });
    await client.data(ViewerDocument);
    shown = 'en';
    await client.data(ViewerDocument);
    await createKyodoClient({ url: 'http://gateway/graphql', fetch: fetchFn }).data(ViewerDocument);
    expect(sent.map((s) => s.acceptLanguage)).toEqual(['ja', 'en', null]);
  });

  it('sends the text in document mode (development tools)', async () => {
    const { sent, fetchFn } = scriptedFetch(() => ({ data: VIEWER }));
    await createKyodoClient({ url: 'http://gateway/graphql', fetch: fetchFn, send: 'document' }).data(ViewerDocument);
    expect(sent[0]?.body.query).toMatch(/query Viewer/);
    expect(sent[0]?.body.extensions).toBeUndefined();
  });

  it('throws the errors\' codes from data() and keeps partial data in request()', async () => {
    const errors = [{ message: 'Cannot reach the cards service right now', path: ['viewer', 'cardCount'], extensions: { code: 'SERVICE_UNAVAILABLE' } }];
    const { fetchFn } = scriptedFetch(() => ({ data: VIEWER, errors }));
    const client = createKyodoClient({ url: 'http://gateway/graphql', fetch: fetchFn });
    await expect(client.data(ViewerDocument)).rejects.toSatisfy((error: unknown) => error instanceof KyodoRequestError && error.codes.join() === 'SERVICE_UNAVAILABLE');
    expect((await client.request(ViewerDocument)).data).toEqual(VIEWER);
  });

  it('refreshes a session about to expire once for concurrent requests, then uses the new token', async () => {
    let now = Date.parse('2027-01-01T00:00:00Z');
    const { sent, fetchFn } = scriptedFetch((entry) =>
      entry.body.extensions?.persistedQuery?.sha256Hash === documentHash(RefreshTokenDocument) ? { data: { refreshToken: { token: 'second', expiresAt: '2027-01-01T01:00:00Z' } } } : { data: VIEWER },
    );
    const seen: string[] = [];
    const client = createKyodoClient({ url: 'http://gateway/graphql', fetch: fetchFn, now: () => now, onSession: (session) => seen.push(session?.token ?? 'none') });
    client.setSession({ token: 'first', expiresAt: '2027-01-01T00:15:00Z' });
    await client.data(ViewerDocument);
    expect(sent.map((s) => s.authorization)).toEqual(['Bearer first']);
    now = Date.parse('2027-01-01T00:14:30Z'); // 30 s left: inside the 60 s window
    await Promise.all([client.data(ViewerDocument), client.data(ViewerDocument)]);
    expect(sent.slice(1).map((s) => s.authorization)).toEqual(['Bearer first', 'Bearer second', 'Bearer second']);
    expect(seen).toEqual(['first', 'second']);
  });

  it('types variables from the document (a missing variable does not compile)', async () => {
    const { fetchFn } = scriptedFetch(() => ({ data: { signIn: { token: 't', expiresAt: '2027-01-01T00:00:00Z', totpEnrollmentRequired: false, user: { id: 'u1', name: 'A', kind: 'MEMBER' } } } }));
    const client = createKyodoClient({ url: 'http://gateway/graphql', fetch: fetchFn });
    // @ts-expect-error SignIn needs its input
    await client.data(SignInDocument).catch(() => undefined);
    const data = await client.data(SignInDocument, { input: { tenant: 'demo', email: 'a@b.example', password: 'x' } });
    expect(data.signIn.user.kind).toBe('MEMBER');
  });
});

describe('npm run codegen -w @kyodo/client', () => {
  it('has committed generated files (the apps\' and the e2e tests\') that match the current supergraph and operations', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/codegen-cli.ts', '--check'], { cwd: resolve(import.meta.dirname, '..') });
    expect(stdout).toContain('up to date');
  }, 60_000);

  it('keeps the e2e operations out of the production trusted-documents manifest', async () => {
    const e2eOperations = resolve(import.meta.dirname, '..', '..', '..', 'test', 'e2e', 'operations');
    const names: string[] = [];
    for (const file of await readdir(e2eOperations)) {
      names.push(...[...(await readFile(join(e2eOperations, file), 'utf8')).matchAll(/^(?:query|mutation|subscription) (\w+)/gm)].map((m) => m[1]!));
    }
    expect(names.length).toBeGreaterThan(0);
    const trusted = Object.values(documents).join('\n');
    expect(names.filter((name) => trusted.includes(` ${name}(`) || trusted.includes(` ${name} `))).toEqual([]);
    expect(await readdir(resolve(e2eOperations, '..', 'gql'))).not.toContain('persisted-documents.json');
  });
});
