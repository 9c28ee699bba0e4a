import { createHash, randomBytes } from 'node:crypto';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Logger } from '@kyodo/subgraph-kit/logger';
import {
  getNamedType,
  Kind,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import type { ObjectStore } from './schema-store.js';

/**
 * Field usage, as the schema check needs it: which fields and arguments (`Type.field`,
 * `Type.field.argument`) each operation selects, counted per client (`graphql-client-name`,
 * `graphql-client-version` headers, as Apollo's and Hive's clients send them). Aggregated in
 * memory and written to the registry's store once per interval: one object per replica per
 * flush (`usage/<day>/<replica>-<time>.json`), never a write per request.
 */

export const CLIENT_NAME_HEADER = 'graphql-client-name';
export const CLIENT_VERSION_HEADER = 'graphql-client-version';
export const DEFAULT_USAGE_FLUSH_MS = 60_000;
/** Where usage reports go under the store's prefix. */
export const USAGE_PREFIX = 'usage/';

export interface UsageEntry {
  /** sha256 of the printed operation document. */
  hash: string;
  name?: string;
  client: { name: string; version: string };
  count: number;
  coordinates: string[];
}

export interface UsageReportFile {
  replica: string;
  from: string;
  to: string;
  operations: UsageEntry[];
}

interface OperationShape {
  hash: string;
  name?: string;
  coordinates: string[];
}

/** The schema coordinates an operation uses: every field with its parent type, every argument it passes. */
export function operationCoordinates(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): string[] {
  const found = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  // the chosen operation and every fragment (a fragment only another operation uses is counted too: harmless, rare)
  const definitions = document.definitions.filter(
    (d) => d.kind === Kind.FRAGMENT_DEFINITION || (d.kind === Kind.OPERATION_DEFINITION && (operationName == null || d.name?.value === operationName)),
  );
  visit(
    { ...document, definitions },
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent || node.name.value.startsWith('__')) return;
        const coordinate = `${parent.name}.${node.name.value}`;
        found.add(coordinate);
        for (const arg of node.arguments ?? []) found.add(`${coordinate}.${arg.name.value}`);
        const type = typeInfo.getType();
        if (type) found.add(getNamedType(type).name);
      },
    }),
  );
  return [...found].sort();
}

function headerValue(value: string | null | undefined, fallback: string): string {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, 100) : fallback;
}

export interface UsageRecorder {
  record(document: DocumentNode, operationName: string | null | undefined, client: { name?: string | null; version?: string | null }): void;
  /** Writes what was counted since the last flush (nothing when nothing was). */
  flush(): Promise<void>;
  /** Stops the timer and flushes what is left. */
  close(): Promise<void>;
  plugin(): GatewayPlugin;
}

export function createUsageRecorder(options: {
  store: Pick<ObjectStore, 'write'>;
  /** The current supergraph's types, in this module's graphql realm. */
  schema: () => GraphQLSchema;
  flushIntervalMs?: number;
  logger: Logger;
  /** Names this replica's files (default: random). */
  replica?: string;
  now?: () => number;
}): UsageRecorder {
  const now = options.now ?? Date.now;
  const replica = (options.replica ?? randomBytes(6).toString('hex')).replace(/[^a-zA-Z0-9_.-]/g, '_');
  const shapes = new WeakMap<DocumentNode, Map<string, OperationShape>>();
  let counts = new Map<string, UsageEntry>();
  let since = now();
  let seq = 0;

  function shapeOf(document: DocumentNode, operationName: string | null | undefined): OperationShape {
    let byName = shapes.get(document);
    if (!byName) shapes.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let shape = byName.get(key);
    if (!shape) {
      const hash = createHash('sha256').update(print(document)).digest('hex');
      const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (operationName == null || d.name?.value === operationName));
      const name = operation?.kind === Kind.OPERATION_DEFINITION ? operation.name?.value : undefined;
      shape = { hash, ...(name ? { name } : {}), coordinates: operationCoordinates(options.schema(), document, operationName) };
      byName.set(key, shape);
    }
    return shape;
  }

  const recorder: UsageRecorder = {
    record(document, operationName, client) {
      const shape = shapeOf(document, operationName);
      const name = headerValue(client.name, 'unknown');
      const version = headerValue(client.version, '');
      const key = `${shape.hash}\u0000${name}\u0000${version}`;
      const entry = counts.get(key);
      if (entry) entry.count += 1;
      else counts.set(key, { hash: shape.hash, ...(shape.name ? { name: shape.name } : {}), client: { name, version }, count: 1, coordinates: shape.coordinates });
    },
    async flush() {
      if (counts.size === 0) return;
      const taken = counts;
      const from = since;
      counts = new Map();
      since = now();
      const to = since;
      const report: UsageReportFile = { replica, from: new Date(from).toISOString(), to: new Date(to).toISOString(), operations: [...taken.values()] };
      const day = report.to.slice(0, 10);
      try {
        await options.store.write(`${USAGE_PREFIX}${day}/${replica}-${to}-${seq++}.json`, JSON.stringify(report), { contentType: 'application/json' });
      } catch (error) {
        // counted again with the next flush rather than lost
        for (const [key, entry] of taken) {
          const current = counts.get(key);
          if (current) current.count += entry.count;
          else counts.set(key, entry);
        }
        since = from;
        options.logger.warn('usage report not written; kept for the next flush', { error: error instanceof Error ? error.message : String(error) });
      }
    },
    async close() {
      clearInterval(timer);
      await recorder.flush();
    },
    plugin() {
      const onOperation = ({ args }: { args: { document: DocumentNode; operationName?: string | null; contextValue: unknown } }) => {
        const request = (args.contextValue as { request?: Request }).request;
        recorder.record(args.document, args.operationName, { name: request?.headers.get(CLIENT_NAME_HEADER), version: request?.headers.get(CLIENT_VERSION_HEADER) });
      };
      return { onExecute: onOperation, onSubscribe: onOperation };
    },
  };
  const timer = setInterval(() => void recorder.flush(), options.flushIntervalMs ?? DEFAULT_USAGE_FLUSH_MS);
  timer.unref();
  return recorder;
}
