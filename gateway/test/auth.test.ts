import { createTokenIssuer, GATEWAY_CREDENTIAL_HEADER, generateSigningKeys } from '@kyodo/auth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTinyGateway, TEST_GATEWAY_SECRET, type TinyGateway } from './support/tiny-gateway.js';

const ME_WITH_NOTES = '{ me { id name notes { text } } }';

describe('gateway authentication', () => {
  let gw: TinyGateway;
  beforeAll(async () => {
    gw = await startTinyGateway();
  });
  afterAll(() => gw.close());
  beforeEach(() => {
    gw.stack.requests.length = 0;
  });

  it('refuses a token that is not valid with 401 and UNAUTHENTICATED', async () => {
    const { status, body } = await gw.post({ query: '{ me { id } }' }, { authorization: 'Bearer not.a.jwt', 'accept-language': 'en' });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.errors?.[0]?.message).toMatch(/access token is not valid/);
    expect(gw.stack.requests).toHaveLength(0);
  });

  it('refuses a token signed by another key', async () => {
    const foreign = await createTokenIssuer(await generateSigningKeys()).sign({ userId: 'p1', tenantId: 't1', kind: 'MEMBER', roles: ['ADMIN'] });
    const { status, body } = await gw.post({ query: '{ me { id } }' }, { authorization: `Bearer ${foreign}` });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token with 401 and says it expired', async () => {
    const token = await gw.tokenFor({}, { ttlSeconds: 60, now: new Date(Date.now() - 3600_000) });
    const { status, body } = await gw.post({ query: '{ me { id } }' }, { authorization: `Bearer ${token}`, 'accept-language': 'en' });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.errors?.[0]?.message).toMatch(/expired/);
  });

  it('refuses a malformed Authorization header with 401', async () => {
    const { status, body } = await gw.post({ query: '{ me { id } }' }, { authorization: 'Basic dXNlcjpwYXNz' });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.errors?.[0]?.message).toMatch(/Bearer <token>/);
  });

  it('lets a request without a token through as anonymous', async () => {
    const { status, body } = await gw.post({ query: '{ me { id } people(first: 1) { name } }' });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { me: null, people: [{ name: 'Aiko' }] } });
    const [request] = gw.stack.requests;
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers[GATEWAY_CREDENTIAL_HEADER]).toBe(TEST_GATEWAY_SECRET);
  });

  it('forwards the token and the gateway credential to every subgraph fetch, _entities included', async () => {
    const token = await gw.tokenFor();
    const { status, body } = await gw.post({ query: ME_WITH_NOTES }, { authorization: `Bearer ${token}` });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { me: { id: 'p1', name: 'Aiko', notes: [{ text: 'Kickoff' }, { text: 'Budget' }] } } });
    const subgraphs = gw.stack.requests.map((r) => r.subgraph);
    expect(subgraphs).toEqual(['people', 'notes']);
    const entities = gw.stack.requests.find((r) => r.query.includes('_entities'));
    expect(entities?.subgraph).toBe('notes');
    for (const request of gw.stack.requests) {
      expect(request.headers.authorization).toBe(`Bearer ${token}`);
      expect(request.headers[GATEWAY_CREDENTIAL_HEADER]).toBe(TEST_GATEWAY_SECRET);
    }
  });

  it('does not forward other client headers to subgraphs', async () => {
    await gw.post({ query: '{ people(first: 1) { id } }' }, { cookie: 'session=abc', 'x-kyodo-gateway-credential': 'forged' });
    const [request] = gw.stack.requests;
    expect(request?.headers.cookie).toBeUndefined();
    expect(request?.headers[GATEWAY_CREDENTIAL_HEADER]).toBe(TEST_GATEWAY_SECRET);
  });
});
