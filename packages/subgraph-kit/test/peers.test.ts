import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GATEWAY_CREDENTIAL_HEADER } from '@kyodo/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPeerClient, peerDirectoryFromEnv } from '../src/peers.js';
import { silentLogger } from '../src/logger.js';
import { runWithRequestId } from '../src/request-id.js';

describe('peer client', () => {
  let server: Server;
  let url: string;
  const seen: Array<{ credential?: string; authorization?: string; requestId?: string; traceparent?: string; query: string }> = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => {
        const { query } = JSON.parse(text) as { query: string };
        seen.push({
          credential: req.headers[GATEWAY_CREDENTIAL_HEADER] as string,
          authorization: req.headers.authorization,
          requestId: req.headers['x-request-id'] as string | undefined,
          traceparent: req.headers.traceparent as string | undefined,
          query,
        });
        res.setHeader('content-type', 'application/json');
        if (query.includes('forbidden')) res.end(JSON.stringify({ data: null, errors: [{ message: 'No, because.', extensions: { code: 'FORBIDDEN' } }] }));
        else if (query.includes('stale')) res.end(JSON.stringify({ errors: [{ message: 'Cannot query field "stale" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }));
        else if (query.includes('boom')) res.end(JSON.stringify({ data: null, errors: [{ message: 'db exploded at 10.0.0.3', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
        else res.end(JSON.stringify({ data: { ok: true } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const client = () => createPeerClient({ directory: { urlOf: (name) => (name === 'licensing' ? url : name === 'gone' ? 'http://127.0.0.1:1/graphql' : undefined) }, gatewaySecret: 's3cret-s3cret-s3cret', logger: silentLogger });

  it('sends the gateway credential and the token it acts with', async () => {
    await expect(client().request('licensing', '{ ok }', {}, { token: 'tok', purpose: 'check' })).resolves.toEqual({ ok: true });
    expect(seen.at(-1)).toMatchObject({ credential: 's3cret-s3cret-s3cret', authorization: 'Bearer tok' });
  });

  it('passes on the request id and the caller’s traceparent of the request being served (no tracer running)', async () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    await runWithRequestId('req-peer-1', () => client().request('licensing', '{ ok }', {}, { token: null, purpose: 'check' }), traceparent);
    expect(seen.at(-1)).toMatchObject({ requestId: 'req-peer-1', traceparent });
    // outside a request: neither
    await client().request('licensing', '{ ok }', {}, { token: null, purpose: 'check' });
    expect(seen.at(-1)?.requestId).toBeUndefined();
    expect(seen.at(-1)?.traceparent).toBeUndefined();
  });

  it("passes a peer's catalog error through with its code and message", async () => {
    await expect(client().request('licensing', '{ forbidden }', {}, { token: null, purpose: 'check' })).rejects.toMatchObject({
      message: 'No, because.',
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('fails closed: unreachable, unknown or internal errors become SERVICE_UNAVAILABLE without leaking detail', async () => {
    for (const [peer, query] of [['gone', '{ ok }'], ['nowhere', '{ ok }'], ['licensing', '{ boom }']] as const) {
      const error = await client().request(peer, query, {}, { token: null, purpose: 'check the guest licence' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
      expect((error as Error).message).toMatch(/サービスに接続できないため、何も変更していません/);
      expect((error as Error).message).not.toMatch(/10\.0\.0\.3/);
    }
  });

  it("a peer refusing the query itself (GRAPHQL_VALIDATION_FAILED) is this service's fault, never the client's: SERVICE_UNAVAILABLE, logged", async () => {
    const error = await client().request('licensing', '{ stale }', {}, { token: null, purpose: 'check the quota' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect((error as Error).message).toMatch(/licensing サービスに接続できない/);
  });

  it('finds peers from env, else on their default local ports', () => {
    const directory = peerDirectoryFromEnv({ LICENSING_URL: 'http://licensing.internal/graphql' });
    expect(directory.urlOf('licensing')).toBe('http://licensing.internal/graphql');
    expect(directory.urlOf('cards')).toBe('http://127.0.0.1:4003/graphql');
    expect(directory.urlOf('unknown')).toBeUndefined();
  });
});
