import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { accessGuardSettings, httpAccessSource, startAccessGuard, type AccessGuard, type AccessVersionSource } from './access-guard.js';
import type { Scope, Viewer } from '@kyodo/auth';
import type { GraphQLSchema } from 'graphql';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import type { NonEmptyArray } from 'type-graphql';
import type { z } from 'zod';
import { systemClock, type Clock } from './clock.js';
import { createDataSource, initializeDataSource } from './database.js';
import { createEventBus, type EventBus } from './event-bus.js';
import type { SubgraphDefinition, SubgraphDeps, SubgraphHandle } from './definition.js';
import { buildFederatedSchema, type ReferenceResolvers } from './federation.js';
import { createLogger, type Logger } from './logger.js';
import { guardOwnedIds, type OwnedIdsSpec } from './owned-ids.js';
import { assertNoPendingMigrations, pendingMigrations, runMigrations } from './migrations.js';
import { registeredSubgraph } from './registry.js';
import type { ScopedAccess } from './scoped-access.js';
import { createSubgraphServer, type SubgraphRoute } from './server.js';

export interface SubgraphSpec<TLoaders> {
  /** Its name in subgraphs.json, which also gives its default port. */
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's and TypeORM's own list types
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- see above
  orphanedTypes?: Function[];
  referenceResolvers?: ReferenceResolvers;
  /** T1: what every ID a mutation takes names, and how this subgraph proves the caller's tenant owns it (see owned-ids.ts). */
  ownedIds: OwnedIdsSpec;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- see above
  entities: MixedList<Function | string | EntitySchema>;
  /** The explicit, ordered migration list. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- see above
  migrations: Function[];
  createLoaders: (viewer: Viewer | null, dataSource: DataSource) => TLoaders;
  seedDemo?: (dataSource: DataSource, deps: SubgraphDeps) => Promise<void>;
  /**
   * Background work the subgraph runs while it is up (a periodic sweep...). Started once the
   * schema is built; the returned stop function runs on close, before the DataSource goes.
   */
  background?: (runtime: BackgroundRuntime) => () => Promise<void> | void;
  /**
   * Start-up work that needs the subgraph's own settings and must finish before the first
   * request (checking keys, re-encrypting stored secrets): runs once, after the migrations.
   */
  prepare?: (runtime: BackgroundRuntime) => Promise<void>;
  /** Extra HTTP handlers beside /graphql (see SubgraphRoute); built once the DataSource is up. */
  routes?: (runtime: RouteRuntime) => SubgraphRoute[];
  /**
   * C6: the integration-token scopes this subgraph serves, for queries only. Without it every
   * operation from an integration token is refused here.
   */
  acceptsScopes?: readonly Scope[];
  /** C6: decides each query of an integration token before any resolver (see ScopedAccess). */
  admitScopedQuery?: ScopedAccess<TLoaders>['admitQuery'];
  /** The subgraph's own env settings, read from `deps.env` (see SubgraphDefinition.envSchema). */
  envSchema?: z.ZodType;
  /**
   * T5: where the access versions come from (access-guard.ts). Only spaces, which owns them, reads
   * its own table; every other subgraph follows spaces' access feed over HTTP (the default).
   */
  accessSource?: (dataSource: DataSource) => AccessVersionSource;
}

export type RouteRuntime = BackgroundRuntime;

export interface BackgroundRuntime {
  dataSource: DataSource;
  clock: Clock;
  logger: Logger;
  /** The deps the subgraph was built with, dataDir resolved. */
  deps: SubgraphDeps;
}

/**
 * Turns a subgraph's parts into the factory every subgraph exports. The schema is built
 * once per process (type-graphql reads decorator metadata; building it again is waste).
 */
export function defineSubgraph<TLoaders>(spec: SubgraphSpec<TLoaders>): SubgraphDefinition {
  let schemaPromise: Promise<GraphQLSchema> | undefined;
  const buildSchema = () => {
    schemaPromise ??= buildFederatedSchema(
      { resolvers: spec.resolvers, orphanedTypes: spec.orphanedTypes, validate: false },
      spec.referenceResolvers,
    ).then((schema) => guardOwnedIds(schema, spec.ownedIds, spec.name));
    return schemaPromise;
  };

  async function create(deps: SubgraphDeps): Promise<SubgraphHandle> {
    const logger = deps.logger ?? createLogger(spec.name);
    const dataSource = createDataSource({
      url: deps.databaseUrl,
      entities: spec.entities,
      migrations: spec.migrations,
      onQuery: deps.onQuery,
    });
    await initializeDataSource(dataSource, deps.databaseUrl);
    let ownBus: EventBus | undefined;
    let accessGuard: AccessGuard | undefined;
    try {
      if (deps.migrate === 'verify') await assertNoPendingMigrations(dataSource, spec.name);
      else if (deps.migrate !== false) await runMigrations(dataSource, logger);
      const schema = await buildSchema();
      const clock = deps.clock ?? systemClock;
      // the broker is the caller's (tests share one) or this subgraph's own, closed with it
      ownBus = deps.events ? undefined : createEventBus({ name: spec.name, redisUrl: deps.env?.REDIS_URL, logger });
      accessGuard = startAccessGuard({
        source: spec.accessSource?.(dataSource) ?? httpAccessSource({ directory: deps.peers, gatewaySecret: deps.gatewaySecret, follower: `${spec.name}:${randomUUID()}` }),
        settings: accessGuardSettings(deps.env),
        logger,
      });
      const resolvedDeps: SubgraphDeps = { ...deps, dataDir: resolve(deps.dataDir ?? 'data'), events: deps.events ?? ownBus, accessGuard };
      await spec.prepare?.({ dataSource, clock, logger, deps: resolvedDeps });
      const server = createSubgraphServer({
        name: spec.name,
        schema,
        dataSource,
        verifier: deps.verifier,
        logger,
        clock,
        gatewaySecret: deps.gatewaySecret,
        requireGatewayCredential: deps.requireGatewayCredential,
        createLoaders: spec.createLoaders,
        deps: resolvedDeps,
        routes: spec.routes?.({ dataSource, clock, logger, deps: resolvedDeps }),
        scopedAccess: { acceptsScopes: spec.acceptsScopes, admitQuery: spec.admitScopedQuery },
        accessGuard,
      });
      const stopBackground = spec.background?.({ dataSource, clock, logger, deps: resolvedDeps });
      return {
        name: spec.name,
        schema,
        dataSource,
        listen: (port, host) => server.listen(port, host),
        seedDemo: async () => {
          await spec.seedDemo?.(dataSource, deps);
        },
        async close() {
          await stopBackground?.();
          await accessGuard?.stop();
          await server.close();
          await ownBus?.close();
          if (dataSource.isInitialized) await dataSource.destroy();
        },
      };
    } catch (error) {
      await accessGuard?.stop();
      await ownBus?.close();
      await dataSource.destroy();
      throw error;
    }
  }

  /** A DataSource for the migration step alone: connected, used once, closed. */
  async function withMigrationDataSource<T>(databaseUrl: string, use: (dataSource: DataSource) => Promise<T>): Promise<T> {
    const dataSource = createDataSource({ url: databaseUrl, entities: spec.entities, migrations: spec.migrations });
    await initializeDataSource(dataSource, databaseUrl);
    try {
      return await use(dataSource);
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
    }
  }

  return {
    name: spec.name,
    migrate: (databaseUrl, logger) => withMigrationDataSource(databaseUrl, (dataSource) => runMigrations(dataSource, logger)),
    pendingMigrations: (databaseUrl) => withMigrationDataSource(databaseUrl, pendingMigrations),
    // read on use: the registry is the one home of ports, and a subgraph not yet registered still builds its schema
    get defaultPort() {
      return registeredSubgraph(spec.name).defaultPort;
    },
    envSchema: spec.envSchema,
    buildSchema,
    create,
    ownedIds: spec.ownedIds,
  };
}
