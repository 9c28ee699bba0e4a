import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { readPublishedSchemas } from '@kyodo/gateway';
import { loadSubgraphRegistry } from '@kyodo/subgraph-kit/registry';
import { collectClientOperations } from './operations.js';
import { schemaApprovalsFileSchema, type SchemaApproval, type SchemaCheckInput } from './schema-check.js';

const run = promisify(execFile);

export const SUPERGRAPH_FILE = 'gateway/supergraph.graphql';
export const APPROVALS_FILE = 'schema-approvals.json';

/**
 * The supergraph to compare with: `git show <ref>:gateway/supergraph.graphql` for ref
 * SCHEMA_CHECK_BASE (default main, then origin/main, as a fresh CI clone has it); without git or
 * that ref, the committed file in the working tree, so a change not yet composed is still checked.
 */
export async function loadBaseline(root: string, ref = process.env.SCHEMA_CHECK_BASE): Promise<{ sdl: string; label: string }> {
  for (const candidate of ref ? [ref] : ['main', 'origin/main']) {
    try {
      const { stdout } = await run('git', ['show', `${candidate}:${SUPERGRAPH_FILE}`], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
      return { sdl: stdout, label: `${candidate}:${SUPERGRAPH_FILE}` };
    } catch {
      // not a git checkout, or no such ref: try the next
    }
  }
  return { sdl: await readFile(join(root, SUPERGRAPH_FILE), 'utf8'), label: `${SUPERGRAPH_FILE} in the working tree (no git ref ${ref ?? 'main'})` };
}

export async function loadApprovals(root: string): Promise<SchemaApproval[]> {
  let text: string;
  try {
    text = await readFile(join(root, APPROVALS_FILE), 'utf8');
  } catch {
    return [];
  }
  const parsed = schemaApprovalsFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`${APPROVALS_FILE} is invalid:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return parsed.data.approvals;
}

/** Everything the check reads from a checkout: the registry's published schemas, main's supergraph, approvals, the client operations. */
export async function loadSchemaCheckInput(root: string): Promise<SchemaCheckInput> {
  const registry = loadSubgraphRegistry(join(root, 'subgraphs.json'));
  const [sources, baseline, approvals, corpus] = await Promise.all([
    readPublishedSchemas(registry.subgraphs),
    loadBaseline(root),
    loadApprovals(root),
    collectClientOperations(root),
  ]);
  return { sources, baseline, approvals, operations: corpus.operations, skippedOperations: corpus.skipped.map((s) => relative(root, join(root, s))) };
}
