import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { loadSubgraphRegistry } from '@kyodo/subgraph-kit/registry';
import { buildSchema, validate, type GraphQLSchema } from 'graphql';
import { readFile } from 'node:fs/promises';
import { collectClientOperations, type ClientOperation } from './operations.js';

/** A file of subgraph-to-subgraph queries: the subgraph each named operation asks. */
export interface PeerQueryFile {
  file: string;
  targets: Readonly<Record<string, string>>;
}

/**
 * The few places a subgraph queries another directly, and which subgraph each operation asks.
 * Every operation written in one of these files must validate against its target's published
 * schema.graphql, so a change there that breaks a peer fails its checks, not production.
 */
export const PEER_QUERY_FILES: readonly PeerQueryFile[] = [
  { file: 'services/spaces/src/licensing-gate.ts', targets: { LicensingGate: 'licensing', GuestAllowance: 'licensing' } },
  { file: 'services/spaces/src/licensing-contracts.ts', targets: { CreateBaseContract: 'licensing', ConfirmBaseContract: 'licensing', MemberSeats: 'licensing' } },
  { file: 'services/licensing/src/spaces-guests.ts', targets: { GuestOfTenant: 'spaces' } },
  { file: 'services/licensing/src/spaces-members.ts', targets: { ActiveMemberCount: 'spaces' } },
  { file: 'services/licensing/src/support-calendar.ts', targets: { VendorClosingDays: 'support' } },
  { file: 'services/spaces/src/audit-sources.ts', targets: { LicensingAudit: 'licensing', CardsAudit: 'cards', SupportAudit: 'support' } },
  { file: 'services/cards/src/peers.ts', targets: { CardsViewerGroups: 'spaces', CardsDigitisationQuota: 'licensing' } },
];

// @apollo/subgraph is CommonJS and builds with its own copy of graphql-js; printing with that
// same copy and rebuilding with ours keeps the schema usable by our validate()
const commonJsGraphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');

/** A subgraph's schema as a peer calls it: its published SDL plus federation's `_entities` and `_service`. */
export function peerSchemaOf(publishedSdl: string): GraphQLSchema {
  return buildSchema(commonJsGraphql.printSchema(buildSubgraphSchema(commonJsGraphql.parse(publishedSdl))));
}

export interface PeerQueryProblem {
  file: string;
  /** The subgraph asked, or undefined when the operation is not listed in PEER_QUERY_FILES. */
  target?: string;
  operation: ClientOperation;
  errors: string[];
}

/** Validates each listed file's operations against the published schema of the subgraph it asks. */
export async function checkPeerQueries(
  root: string,
  files: readonly PeerQueryFile[] = PEER_QUERY_FILES,
  schemaOverride: Partial<Record<string, string>> = {},
): Promise<{ checked: Array<{ file: string; operations: string[] }>; problems: PeerQueryProblem[] }> {
  const registry = loadSubgraphRegistry(join(root, 'subgraphs.json'));
  const schemas = new Map<string, GraphQLSchema>();
  const schemaFor = async (target: string) => {
    const entry = registry.subgraphs.find((s) => s.name === target);
    if (!entry) throw new Error(`No subgraph "${target}" in subgraphs.json`);
    if (!schemas.has(target)) schemas.set(target, peerSchemaOf(schemaOverride[target] ?? (await readFile(entry.schemaPath, 'utf8'))));
    return schemas.get(target)!;
  };
  const checked: Array<{ file: string; operations: string[] }> = [];
  const problems: PeerQueryProblem[] = [];
  for (const { file, targets } of files) {
    const { operations } = await collectClientOperations(root, [file]);
    checked.push({ file, operations: operations.map((o) => o.name) });
    for (const operation of operations) {
      const target = targets[operation.name];
      if (!target) {
        problems.push({ file, operation, errors: [`not listed in PEER_QUERY_FILES (tools/src/peer-queries.ts): say which subgraph ${operation.name} asks`] });
        continue;
      }
      const errors = validate(await schemaFor(target), operation.document).map((e) => e.message);
      if (errors.length > 0) problems.push({ file, target, operation, errors });
    }
  }
  return { checked, problems };
}
