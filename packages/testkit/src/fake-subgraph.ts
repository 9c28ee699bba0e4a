import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { SubgraphDefinition } from '@kyodo/subgraph-kit';
import { subgraphRegistry } from '@kyodo/subgraph-kit/registry';
import type { GraphQLSchema } from 'graphql';

// @apollo/subgraph is CommonJS and builds with its own copy of graphql-js: parsing, validating
// and executing with that same copy keeps its schema's instanceof checks happy
const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');

/** What a fake's resolvers see of the request: the bearer token the peer client sent. */
export interface FakeRequestContext {
  token: string | null;
}

/** Resolvers in @apollo/subgraph's shape: `{ Query: { viewer } , User: { __resolveReference } }`. */
export type FakeResolvers = Record<string, Record<string, (...args: never[]) => unknown>>;

export interface FakeSubgraphOptions {
  /** The registered subgraph it stands in for: its schema is that subgraph's published schema.graphql. */
  name: string;
  resolvers: FakeResolvers;
  /** Another SDL instead of the published one (a test of the fake itself). */
  sdl?: string;
}

export interface FakeRequest {
  operationName: string | null;
  authorization: string | undefined;
  /** The validation errors when the fake refused the query, as the real subgraph would. */
  refused?: string[];
}

/** A subgraph's published schema as its peers call it: the SDL plus federation's `_entities` and `_service`. */
export function publishedSubgraphSchema(name: string, resolvers: FakeResolvers = {}, sdl?: string): GraphQLSchema {
  const entry = subgraphRegistry().subgraphs.find((s) => s.name === name);
  if (!entry && sdl === undefined) throw new Error(`No subgraph "${name}" in subgraphs.json to build a fake of`);
  const typeDefs = graphql.parse(sdl ?? readFileSync(entry!.schemaPath, 'utf8'));
  return buildSubgraphSchema({ typeDefs, resolvers: resolvers as never }) as unknown as GraphQLSchema;
}

/**
 * A stand-in for a peer subgraph in another subgraph's tests. It answers only what the real one
 * would: every query is validated against the target's published schema.graphql (plus
 * `_entities`/`_service`) and executed with the fake's resolvers, so a peer query the real
 * subgraph rejects fails in the caller's tests too, instead of a hand-written answer passing it.
 */
export class FakeSubgraph {
  /** While true every connection is closed unanswered, as if the subgraph were down. */
  down = false;
  /** Each request it got, oldest first. */
  readonly requests: FakeRequest[] = [];
  readonly schema: GraphQLSchema;
  /**
   * Change feeds it serves at GET /internal/changes/<name>?after=&first= (subgraph-kit change-feed.ts),
   * answered by the function set here; a feed not set answers 404, as a peer without it would.
   * Feed requests are not GraphQL: they are not in `requests`, and `feedReads` counts them.
   */
  readonly feeds = new Map<string, (after: number, first: number) => { head: number; changes: Array<{ seq: number }> }>();
  feedReads = 0;
  private readonly server: Server;

  constructor(readonly options: FakeSubgraphOptions) {
    this.schema = publishedSubgraphSchema(options.name, options.resolvers, options.sdl);
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        if (this.down) return void res.destroy();
        const url = new URL(req.url ?? '/', 'http://fake');
        if (url.pathname.startsWith('/internal/changes/')) {
          this.feedReads++;
          const feed = this.feeds.get(url.pathname.slice('/internal/changes/'.length));
          res.writeHead(feed ? 200 : 404, { 'content-type': 'application/json' });
          res.end(JSON.stringify(feed ? feed(Number(url.searchParams.get('after') ?? 0), Number(url.searchParams.get('first') ?? 500)) : { errors: [{ message: 'no such feed' }] }));
          return;
        }
        void this.answer(body, req.headers.authorization).then(({ status, result }) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(result));
        });
      });
    });
  }

  /** The Authorization header of each request, oldest first. */
  get authorizations(): Array<string | undefined> {
    return this.requests.map((r) => r.authorization);
  }

  private async answer(body: string, authorization: string | undefined): Promise<{ status: number; result: unknown }> {
    let request: { query?: string; variables?: Record<string, unknown>; operationName?: string };
    let document: import('graphql').DocumentNode;
    try {
      request = JSON.parse(body) as typeof request;
      document = graphql.parse(request.query ?? '');
    } catch (error) {
      this.requests.push({ operationName: null, authorization, refused: [String(error)] });
      return { status: 400, result: { errors: [{ message: `The fake ${this.options.name} could not parse the request: ${String(error)}`, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] } };
    }
    const operation = document.definitions.find((d) => d.kind === graphql.Kind.OPERATION_DEFINITION);
    const operationName = request.operationName ?? (operation && 'name' in operation ? (operation.name?.value ?? null) : null);
    const errors = graphql.validate(this.schema as never, document);
    if (errors.length > 0) {
      this.requests.push({ operationName, authorization, refused: errors.map((e) => e.message) });
      return { status: 400, result: { errors: errors.map((e) => ({ message: e.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })) } };
    }
    this.requests.push({ operationName, authorization });
    const contextValue: FakeRequestContext = { token: authorization?.replace(/^Bearer /, '') || null };
    const result = await graphql.execute({ schema: this.schema as never, document, variableValues: request.variables, operationName: request.operationName, contextValue });
    return { status: 200, result };
  }

  /** Starts listening; resolves to its GraphQL URL. */
  listen(port = 0, host = '127.0.0.1'): Promise<string> {
    return new Promise((resolve) => this.server.listen(port, host, () => resolve(`http://${host}:${(this.server.address() as AddressInfo).port}/graphql`)));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** As a subgraph of `startStack` (started by it, and registered in its peer directory under the subgraph's name). */
  definition(): SubgraphDefinition {
    const name = this.options.name;
    return {
      name,
      defaultPort: subgraphRegistry().subgraphs.find((s) => s.name === name)?.defaultPort ?? 0,
      buildSchema: () => Promise.reject(new Error(`the fake ${name} subgraph is not composed`)),
      create: () =>
        Promise.resolve({
          name,
          schema: undefined as never,
          dataSource: undefined as never,
          listen: (port?: number, host?: string) => this.listen(port, host),
          seedDemo: () => Promise.resolve(),
          close: () => this.close(),
        }),
    };
  }
}

/** An error a fake's resolver throws, with a catalog code, as the real subgraph would answer it. */
export function fakeError(message: string, code: string): Error {
  return new graphql.GraphQLError(message, { extensions: { code } });
}

/** A fake started on a free port and registered in the stack's peer directory under its subgraph's name. */
export async function startFakeSubgraph(stack: { subgraphUrls: Record<string, string> } | null, options: FakeSubgraphOptions): Promise<FakeSubgraph> {
  const fake = new FakeSubgraph(options);
  const url = await fake.listen(0);
  if (stack) stack.subgraphUrls[options.name] = url;
  return fake;
}
