import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger, createLogger, loadRegisteredDefinition, subgraphRegistry, type Clock, type SubgraphDefinition, type SubgraphHandle } from '@kyodo/subgraph-kit';
import type { TokenVerifier } from '@kyodo/auth';
import { createTestAuth, type TestAuth } from './auth.js';
import { createClient, type GraphQLClient } from './client.js';
import { createTestDatabase, type TestDatabase, type TestDialect } from './database.js';

export interface GatewayFactoryArgs {
  subgraphUrls: Record<string, string>;
  verifier: TokenVerifier;
  gatewaySecret: string;
}

export interface StartedGateway {
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/** Every subgraph in subgraphs.json, loaded from its workspace, in registry order. */
export async function loadRegisteredSubgraphs(): Promise<SubgraphDefinition[]> {
  return Promise.all(subgraphRegistry().subgraphs.map((entry) => loadRegisteredDefinition(entry)));
}

export interface StackOptions {
  /** The subgraphs to start; default: every one in subgraphs.json. */
  subgraphs?: SubgraphDefinition[];
  /** Builds the gateway; the testkit does not import the gateway package, so tests pass it in. */
  gateway?: (args: GatewayFactoryArgs) => Promise<StartedGateway>;
  dialect?: TestDialect;
  /** Seed the demo tenant (admin, member, guest) in every subgraph; on by default. */
  seed?: boolean;
  clock?: Clock;
  /** Subgraphs refuse requests without the gateway credential, as in production. */
  production?: boolean;
  onQuery?: (subgraph: string, sql: string) => void;
  auth?: TestAuth;
  /** SMTP server for outgoing mail (e.g. a `startSmtpSink()`); without it mail is written under dataDir. */
  smtpUrl?: string;
  /** The environment each subgraph reads its own settings from (`deps.env`). */
  env?: Record<string, string | undefined>;
}

export interface Stack {
  auth: TestAuth;
  handles: Record<string, SubgraphHandle>;
  subgraphUrls: Record<string, string>;
  gatewayUrl?: string;
  /** A client for the gateway (or, without one, for the first subgraph). */
  client: GraphQLClient;
  clientFor(subgraph: string): GraphQLClient;
  dataDir: string;
  databases: Record<string, TestDatabase>;
  close(): Promise<void>;
}

/**
 * Starts subgraphs (and a gateway) in this process on port 0, each with its own fresh
 * database, and tears everything down, databases included, on close.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const auth = options.auth ?? (await createTestAuth());
  const dataDir = await mkdtemp(join(tmpdir(), 'kyodo-data-'));
  const handles: Record<string, SubgraphHandle> = {};
  const subgraphUrls: Record<string, string> = {};
  const databases: Record<string, TestDatabase> = {};
  let gateway: StartedGateway | undefined;
  const logger = process.env.KYODO_TEST_LOG ? undefined : silentLogger;
  const close = async () => {
    await gateway?.close();
    await Promise.all(Object.values(handles).map((h) => h.close()));
    await Promise.all(Object.values(databases).map((db) => db.drop()));
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const subgraphs = options.subgraphs ?? (await loadRegisteredSubgraphs());
    for (const definition of subgraphs) {
      const db = await createTestDatabase(definition.name, options.dialect ?? 'sqlite');
      databases[definition.name] = db;
      const handle = await definition.create({
        databaseUrl: db.url,
        verifier: auth.verifier,
        issuer: auth.issuer,
        gatewaySecret: auth.gatewaySecret,
        requireGatewayCredential: options.production ?? false,
        clock: options.clock,
        logger: logger ?? createLogger(definition.name, 'debug'),
        dataDir,
        onQuery: options.onQuery ? (sql) => options.onQuery!(definition.name, sql) : undefined,
        // looked up per call: a subgraph may ask a peer that starts after it
        peers: { urlOf: (name) => subgraphUrls[name] },
        smtpUrl: options.smtpUrl,
        env: options.env,
      });
      handles[definition.name] = handle;
      if (options.seed !== false) await handle.seedDemo();
      subgraphUrls[definition.name] = await handle.listen(0);
    }
    let gatewayUrl: string | undefined;
    if (options.gateway) {
      gateway = await options.gateway({ subgraphUrls, verifier: auth.verifier, gatewaySecret: auth.gatewaySecret });
      gatewayUrl = await gateway.listen(0);
    }
    const first = subgraphs[0]?.name;
    const mainUrl = gatewayUrl ?? (first ? subgraphUrls[first] : undefined);
    if (!mainUrl) throw new Error('startStack needs at least one subgraph');
    return {
      auth,
      handles,
      subgraphUrls,
      gatewayUrl,
      client: createClient(mainUrl),
      clientFor(name) {
        const url = subgraphUrls[name];
        if (!url) throw new Error(`no subgraph "${name}" in this stack`);
        return createClient(url);
      },
      dataDir,
      databases,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
