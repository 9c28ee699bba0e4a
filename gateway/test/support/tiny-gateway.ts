import { createTokenIssuer, createTokenVerifier, generateSigningKeys, type TokenIssuer, type Viewer } from '@kyodo/auth';
import { createLogger, silentLogger } from '@kyodo/subgraph-kit';
import { createGateway, type GatewayDeps, type GatewayHandle } from '../../src/index.js';
import { startTinySubgraphs, type TinyStack } from './tiny-subgraphs.js';

export const TEST_GATEWAY_SECRET = 'test-gateway-secret-0123456789';

export interface TinyGateway {
  stack: TinyStack;
  gateway: GatewayHandle;
  url: string;
  issuer: TokenIssuer;
  tokenFor(viewer?: Partial<Viewer>, options?: { ttlSeconds?: number; now?: Date }): Promise<string>;
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: GraphQLBody; headers: Headers }>;
  close(): Promise<void>;
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** The tiny subgraphs behind a real Hive gateway on port 0, with a fresh key pair. */
export async function startTinyGateway(overrides: Partial<GatewayDeps> = {}): Promise<TinyGateway> {
  const keys = await generateSigningKeys();
  const issuer = createTokenIssuer(keys);
  const stack = await startTinySubgraphs();
  const gateway = await createGateway({
    supergraphSdl: stack.supergraphSdl,
    subgraphUrls: stack.urls,
    verifier: createTokenVerifier(keys),
    gatewaySecret: TEST_GATEWAY_SECRET,
    logger: process.env.KYODO_TEST_LOG ? createLogger('gateway', 'debug') : silentLogger,
    ...overrides,
  });
  const url = await gateway.listen(0);
  return {
    stack,
    gateway,
    url,
    issuer,
    tokenFor: (viewer = {}, options) =>
      issuer.sign({ userId: 'p1', tenantId: 't1', kind: 'MEMBER', roles: [], ...viewer }, options),
    async post(body, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as GraphQLBody, headers: response.headers };
    },
    async close() {
      await gateway.close();
      await stack.close();
    },
  };
}
