import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseTrustedDocuments } from '../src/trusted-documents.js';
import { startTinyGateway, type TinyGateway } from './support/tiny-gateway.js';

const ME = 'query Me { me { id name } }';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const byHash = (hash: string, variables = {}) => ({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

describe.each(['members', 'nobody'] as const)('trusted documents (issue 13), arbitrary documents: %s', (arbitrary) => {
  let gw: TinyGateway;
  beforeAll(async () => {
    gw = await startTinyGateway({ trustedDocuments: { documents: parseTrustedDocuments({ [`sha256:${sha(ME)}`]: ME }), arbitrary } });
  });
  afterAll(() => gw.close());
  beforeEach(() => {
    gw.stack.requests.length = 0;
  });

  it('runs a registered document sent by its hash, for anyone (an app before sign-in)', async () => {
    const member = await gw.tokenFor({ userId: 'p1' });
    expect((await gw.post(byHash(sha(ME)), { authorization: `Bearer ${member}` })).body).toEqual({ data: { me: { id: 'p1', name: 'Aiko' } } });
    const guest = await gw.tokenFor({ userId: 'p1', kind: 'GUEST' });
    expect((await gw.post(byHash(sha(ME)), { authorization: `Bearer ${guest}` })).body.data).toEqual({ me: { id: 'p1', name: 'Aiko' } });
  });

  it('refuses an unknown hash with PERSISTED_QUERY_NOT_IN_LIST and sends nothing to a subgraph', async () => {
    const { status, body } = await gw.post(byHash(sha('{ people { name } }')), { 'accept-language': 'en' });
    expect(status).toBe(400);
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
    expect(body.errors?.[0]?.message).toMatch(/not one of the registered client operations/);
    expect(gw.stack.requests).toHaveLength(0);
  });

  it('refuses an arbitrary document from an anonymous caller and from a guest', async () => {
    const guest = await gw.tokenFor({ userId: 'p1', kind: 'GUEST' });
    for (const headers of [{}, { authorization: `Bearer ${guest}` }] as Record<string, string>[]) {
      const { status, body } = await gw.post({ query: '{ people { name } }' }, headers);
      expect(status).toBe(400);
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_ID_REQUIRED']);
    }
    expect(gw.stack.requests).toHaveLength(0);
  });

  it(arbitrary === 'members' ? 'lets a signed-in member send their own document (the sandbox)' : 'refuses a member\'s own document too (strict)', async () => {
    const member = await gw.tokenFor({ userId: 'p1' });
    const { body } = await gw.post({ query: '{ people(first: 1) { name } }' }, { authorization: `Bearer ${member}` });
    if (arbitrary === 'members') expect(body).toEqual({ data: { people: [{ name: 'Aiko' }] } });
    else expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_ID_REQUIRED']);
  });

  it('keeps the gateway\'s other checks on a registered document (a bad token is still 401)', async () => {
    const { status, body } = await gw.post(byHash(sha(ME)), { authorization: 'Bearer not.a.jwt' });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('trusted documents in development (TRUSTED_DOCUMENTS=off: arbitrary documents from everyone)', () => {
  let gw: TinyGateway;
  beforeAll(async () => {
    gw = await startTinyGateway({ trustedDocuments: { documents: parseTrustedDocuments({ [`sha256:${sha(ME)}`]: ME }), arbitrary: 'everyone' } });
  });
  afterAll(() => gw.close());

  it('runs the web app\'s registered hash and an anonymous caller\'s own document alike', async () => {
    const member = await gw.tokenFor({ userId: 'p1' });
    expect((await gw.post(byHash(sha(ME)), { authorization: `Bearer ${member}` })).body).toEqual({ data: { me: { id: 'p1', name: 'Aiko' } } });
    expect((await gw.post({ query: '{ people(first: 1) { name } }' })).body).toEqual({ data: { people: [{ name: 'Aiko' }] } });
    // an unknown hash still gets its code: a stale app build is told apart from a bad query
    expect((await gw.post(byHash(sha('{ people { name } }')))).body.errors?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
  });
});

describe('the trusted documents manifest', () => {
  it('accepts the codegen manifest and refuses anything else with a message naming the variable', () => {
    expect(parseTrustedDocuments({ [`sha256:${sha(ME)}`]: ME }).get(sha(ME))).toBe(ME);
    expect(() => parseTrustedDocuments(['x'])).toThrow(/TRUSTED_DOCUMENTS_FILE/);
    expect(() => parseTrustedDocuments({ 'sha256:abc': ME })).toThrow(/64 hex/);
    expect(() => parseTrustedDocuments({ [`sha256:${sha(ME)}`]: 42 })).toThrow(/TRUSTED_DOCUMENTS_FILE/);
  });
});
