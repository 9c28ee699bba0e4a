import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { composeSupergraphFromSdl } from '../../src/compose.js';
import { GraphQLError, parse, type GraphQLSchema } from 'graphql';

/**
 * Two throwaway federated subgraphs (people and notes) that record what the gateway sends
 * them. They stand in for the real services where a test is about the gateway alone.
 */
export interface RecordedRequest {
  subgraph: string;
  method: string;
  /** The request target as received (path and query). */
  url: string;
  headers: IncomingHttpHeaders;
  query: string;
}

export interface TinySubgraph {
  name: string;
  url: string;
  sdl: string;
  /** Make /health answer 503 (the subgraph stays up). */
  setHealthy(healthy: boolean): void;
  /** TCP connections accepted so far: with keep-alive, far fewer than requests. */
  connections(): number;
  close(): Promise<void>;
}

const PEOPLE_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])
  type Query {
    me: Person
    people(first: Int = 10): [Person!]!
    person(id: ID!): Person
    forbidden: String
    badInput(value: Int!): Int
    broken: String
    "As a subgraph whose copy of spaces' access feed has seen the caller's token revoked (T5) answers anything."
    revoked: String
  }
  type Mutation { rename(id: ID!, name: String!): Person }
  type Person @key(fields: "id") { id: ID! name: String! friends: [Person!]! }
`;

const NOTES_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Note { id: ID! text: String! author: Person! }
  type Person @key(fields: "id") { id: ID! notes: [Note!]! noteCount: Int! }
  type Query { notes: [Note!]! }
`;

const PEOPLE = [
  { id: 'p1', name: 'Aiko', friends: ['p2', 'p3'] },
  { id: 'p2', name: 'Bunta', friends: ['p1'] },
  { id: 'p3', name: 'Chiyo', friends: [] },
];
const NOTES = [
  { id: 'n1', text: 'Kickoff', authorId: 'p1' },
  { id: 'n2', text: 'Budget', authorId: 'p1' },
  { id: 'n3', text: 'Retro', authorId: 'p2' },
];

type Person = (typeof PEOPLE)[number];
interface Ctx { authorization?: string }

function peopleSchema(): GraphQLSchema {
  const byId = (id: string) => PEOPLE.find((p) => p.id === id) ?? null;
  return buildSubgraphSchema({
    typeDefs: parse(PEOPLE_SDL),
    resolvers: {
      Query: {
        me: (_: unknown, __: unknown, ctx: unknown) => ((ctx as Ctx).authorization ? byId('p1') : null),
        people: (_: unknown, { first }: { first: number }) => PEOPLE.slice(0, first),
        person: (_: unknown, { id }: { id: string }) => byId(id),
        forbidden: () => {
          throw new GraphQLError('Only a tenant administrator may read this.', { extensions: { code: 'FORBIDDEN' } });
        },
        badInput: (_: unknown, { value }: { value: number }) => {
          if (value < 0) throw new GraphQLError('value must not be negative.', { extensions: { code: 'BAD_USER_INPUT', field: 'value' } });
          return value;
        },
        broken: () => {
          throw new Error('connect ECONNREFUSED 10.0.0.7:3306 (secret internals)');
        },
        revoked: () => {
          throw new GraphQLError('Your access has changed since this sign-in; sign in again.', { extensions: { code: 'UNAUTHENTICATED', rule: 'T5' } });
        },
      },
      Mutation: {
        rename: (_: unknown, { id, name }: { id: string; name: string }) => {
          const person = byId(id);
          return person ? { ...person, name } : null;
        },
      },
      Person: {
        __resolveReference: (ref: { id: string }) => byId(ref.id),
        friends: (person: Person) => person.friends.map(byId),
      },
    },
  });
}

function notesSchema(): GraphQLSchema {
  return buildSubgraphSchema({
    typeDefs: parse(NOTES_SDL),
    resolvers: {
      Query: { notes: () => NOTES },
      Note: { author: (note: (typeof NOTES)[number]) => ({ __typename: 'Person', id: note.authorId }) },
      Person: {
        __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
        notes: (person: { id: string }) => NOTES.filter((n) => n.authorId === person.id),
        noteCount: (person: { id: string }) => NOTES.filter((n) => n.authorId === person.id).length,
      },
    },
  });
}

async function startSubgraph(name: string, sdl: string, schema: GraphQLSchema, log: RecordedRequest[]): Promise<TinySubgraph> {
  const apollo = new ApolloServer<Ctx>({ schema, csrfPrevention: true, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await apollo.start();
  let healthy = true;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://subgraph');
      if (url.pathname === '/health') {
        res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: healthy ? 'ok' : 'unavailable' }));
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as { query?: string }) : undefined;
      log.push({ subgraph: name, method: req.method ?? '', url: req.url ?? '', headers: req.headers, query: body?.query ?? '' });
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'POST', headers, search: url.search, body },
        context: async () => ({ authorization: req.headers.authorization }),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      res.end(response.body.kind === 'complete' ? response.body.string : '');
    })();
  });
  let connections = 0;
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    name,
    sdl,
    url: `http://127.0.0.1:${port}/graphql`,
    setHealthy: (value) => {
      healthy = value;
    },
    connections: () => connections,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}

export interface TinyStack {
  people: TinySubgraph;
  notes: TinySubgraph;
  /** Every request the subgraphs received, in order. */
  requests: RecordedRequest[];
  /** Composed with placeholder URLs, so tests also prove the gateway's URL overrides. */
  supergraphSdl: string;
  urls: Record<string, string>;
  close(): Promise<void>;
}

export async function startTinySubgraphs(): Promise<TinyStack> {
  const requests: RecordedRequest[] = [];
  const people = await startSubgraph('people', PEOPLE_SDL, peopleSchema(), requests);
  const notes = await startSubgraph('notes', NOTES_SDL, notesSchema(), requests);
  const supergraphSdl = composeSupergraphFromSdl([
    { name: 'people', url: 'http://people.invalid/graphql', sdl: PEOPLE_SDL },
    { name: 'notes', url: 'http://notes.invalid/graphql', sdl: NOTES_SDL },
  ]);
  return {
    people,
    notes,
    requests,
    supergraphSdl,
    urls: { people: people.url, notes: notes.url },
    async close() {
      await Promise.all([people.close(), notes.close()]);
    },
  };
}
