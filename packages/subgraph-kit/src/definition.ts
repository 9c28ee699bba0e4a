import type { OwnedIdsSpec } from './owned-ids.js';
import type { TokenIssuer, TokenVerifier } from '@kyodo/auth';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { Clock } from './clock.js';
import type { AccessGuard } from './access-guard.js';
import type { EventBus } from './event-bus.js';
import type { Logger } from './logger.js';
import type { PeerDirectory } from './peers.js';

/** What every subgraph factory needs; a subgraph ignores what it has no use for. */
export interface SubgraphDeps {
  databaseUrl: string;
  verifier: TokenVerifier;
  /** Only the spaces subgraph signs people in. */
  issuer?: TokenIssuer;
  /** Expected on every request from the gateway. */
  gatewaySecret?: string;
  /** Production: refuse any request without the gateway credential. */
  requireGatewayCredential?: boolean;
  clock?: Clock;
  logger?: Logger;
  /** Where a subgraph keeps files (mail, images); defaults to ./data. */
  dataDir?: string;
  /** SMTP server for outgoing mail (`smtp://user:pass@host:587`); without it mail is written under `<dataDir>/mail/`. */
  smtpUrl?: string;
  /** The public base URL of the app, for links in mail (default http://localhost:4000). */
  publicUrl?: string;
  /**
   * What start does about pending migrations: `true` (default; development and tests) runs them,
   * `'verify'` (NODE_ENV=production, which migrates as its own step: `npm run migrate`) refuses
   * to start while any is pending, naming them; `false` leaves the schema alone.
   */
  migrate?: boolean | 'verify';
  onQuery?: (sql: string) => void;
  /** Where the other subgraphs are, for the few calls one subgraph makes to another (peers.ts). */
  peers?: PeerDirectory;
  /**
   * The process environment, for settings only one subgraph reads (it validates its own with
   * zod, e.g. cards' `CARDS_S3_*`). `npm start` passes process.env; tests pass what they need.
   */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * The broker subscriptions listen on (event-bus.ts). Without it the subgraph makes its own:
   * Redis pub/sub when `env.REDIS_URL` is set, else in-process.
   */
  events?: EventBus;
  /** Set by defineSubgraph (access-guard.ts): spaces refreshes it after a change it committed. */
  accessGuard?: AccessGuard;
}

export interface SubgraphHandle {
  readonly name: string;
  readonly schema: GraphQLSchema;
  readonly dataSource: DataSource;
  /** Listens on the port (0: any free one) and resolves to the GraphQL URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Seeds this subgraph's part of the demo tenant; running it twice changes nothing. */
  seedDemo(): Promise<void>;
  close(): Promise<void>;
}

/** A subgraph as the gateway's composer, `npm start` and the testkit see it. */
export interface SubgraphDefinition {
  readonly name: string;
  readonly defaultPort: number;
  /**
   * The subgraph's own settings (it reads them from `deps.env`): its main checks them in the
   * same pass as the common ones, so one start names every missing or invalid variable.
   */
  readonly envSchema?: z.ZodType;
  /** The schema alone, without a database: what composition reads. */
  buildSchema(): Promise<GraphQLSchema>;
  create(deps: SubgraphDeps): Promise<SubgraphHandle>;
  /**
   * Applies every pending migration to the database at `databaseUrl`, then closes it; returns
   * the names applied. What `npm run migrate` runs (migrate-cli.ts).
   */
  migrate?(databaseUrl: string, logger?: Logger): Promise<string[]>;
  /** The migrations not yet applied to the database at `databaseUrl` (oldest first); closes it after. */
  pendingMigrations?(databaseUrl: string): Promise<string[]>;
  /** T1: what each id its mutations take names (the authorisation matrix reads it to pick fixtures). */
  readonly ownedIds?: OwnedIdsSpec;
}
