import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '@kyodo/subgraph-kit/registry';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSchema, type SchemaCheckInput } from '../src/schema-check.js';
import { loadSchemaCheckInput, SUPERGRAPH_FILE } from '../src/schema-check-inputs.js';

/** The repository's own inputs, against the committed supergraph (not git: these tests change the schemas, not main). */
let repository: SchemaCheckInput;
beforeAll(async () => {
  repository = await loadSchemaCheckInput(REPOSITORY_ROOT);
});

function withSource(name: string, edit: (sdl: string) => string, extra: Partial<SchemaCheckInput> = {}): SchemaCheckInput {
  return {
    ...repository,
    baseline: { sdl: committedSupergraph, label: SUPERGRAPH_FILE },
    sources: repository.sources.map((source) => {
      if (source.name !== name) return source;
      const sdl = edit(source.sdl);
      expect(sdl, `the edit to ${name}'s schema changed nothing`).not.toBe(source.sdl);
      return { ...source, sdl };
    }),
    ...extra,
  };
}

let committedSupergraph: string;
beforeAll(async () => {
  committedSupergraph = await readFile(join(REPOSITORY_ROOT, SUPERGRAPH_FILE), 'utf8');
});

/** User.cardCount (cards), which the e2e VIEWER operation selects. */
const removeUserCardCount = (sdl: string) => sdl.replace(/(type User\s+@key\(fields: "id"\)\s*\{\s*id: ID!)\s*"""[^"]*"""\s*cardCount: Int/, '$1');
/** Query.guestLicenseOrders (licensing), which no client operation (e2e, typed client, sandbox) uses. */
const removeOrderList = (sdl: string) => sdl.replace(/\s*"""\s*The tenant's guest licence orders[^"]*"""\s*guestLicenseOrders: \[Order!\]/, '');

describe('npm run schema:check', () => {
  it('passes on the repository as it is: the published schemas compose, no unapproved break against main, every e2e operation validates', async () => {
    expect(repository.operations.length, 'the e2e operations were not collected').toBeGreaterThan(50);
    const result = await checkSchema(repository);
    expect(result.ok, result.lines.join('\n')).toBe(true);
    expect(result.lines.at(-1)).toBe('Result: passed');
  });

  it('fails when a field an e2e operation uses is removed, naming the operation and the breaking change with what to do', async () => {
    const result = await checkSchema(withSource('cards', removeUserCardCount));
    expect(result.ok).toBe(false);
    expect(result.changes).toContainEqual(expect.objectContaining({ level: 'BREAKING', type: 'FIELD_REMOVED', path: 'User.cardCount' }));
    const broken = result.brokenOperations.map((b) => `${b.operation.name} @ ${b.operation.location}`);
    expect(broken).toContain('VIEWER (anonymous query { viewer }) @ test/e2e/viewer.test.ts:7');
    const report = result.lines.join('\n');
    expect(report).toMatch(/✗ BREAKING\s+User\.cardCount: Field 'cardCount' was removed from object type 'User'/);
    expect(report).toContain('→ clients that select User.cardCount will fail: keep it and mark it @deprecated');
    expect(report).toContain('add {"path": "User.cardCount", "reason": "..."} to schema-approvals.json');
    expect(report).toMatch(/✗ operation VIEWER \(anonymous query \{ viewer \}\) \(test\/e2e\/viewer\.test\.ts:7\) no longer validates:\n\s+Cannot query field "cardCount" on type "User"/);
    expect(result.lines.at(-1)).toMatch(/^Result: FAILED \(1 unapproved breaking change\(s\); \d+ broken client operation\(s\): .*VIEWER/);
  });

  it('passes a non-breaking addition, listing it', async () => {
    const result = await checkSchema(withSource('support', (sdl) => sdl.replace(/^type Query \{/m, 'type Query {\n  supportHours: String')));
    expect(result.ok, result.lines.join('\n')).toBe(true);
    expect(result.changes).toEqual([expect.objectContaining({ level: 'NON_BREAKING', type: 'FIELD_ADDED', path: 'Query.supportHours' })]);
  });

  it('fails a break no e2e operation uses unless approved; approved, it passes and prints the reason', async () => {
    const refused = await checkSchema(withSource('licensing', removeOrderList));
    expect(refused.ok).toBe(false);
    expect(refused.brokenOperations).toEqual([]);
    expect(refused.lines.at(-1)).toBe('Result: FAILED (1 unapproved breaking change(s))');

    const reason = 'The price page reads prices from the CMS now; the two API clients were told on 2026-11-01.';
    const approved = await checkSchema(withSource('licensing', removeOrderList, { approvals: [{ path: 'Query.guestLicenseOrders', reason }] }));
    expect(approved.ok, approved.lines.join('\n')).toBe(true);
    expect(approved.lines).toContain(`      approved in schema-approvals.json: ${reason}`);
    expect(approved.lines.at(-1)).toBe('Result: passed');
  });

  it('an approval for another kind of change at the path does not approve this one', async () => {
    const result = await checkSchema(withSource('licensing', removeOrderList, { approvals: [{ path: 'Query.guestLicenseOrders', change: 'FIELD_TYPE_CHANGED', reason: 'only a type change was agreed' }] }));
    expect(result.ok).toBe(false);
  });

  it('fails with the composer\'s errors when the published schemas do not compose', async () => {
    const result = await checkSchema(withSource('support', (sdl) => sdl.replace(/^type Query \{/m, 'type Query {\n  spaces: Int')));
    expect(result.ok).toBe(false);
    expect(result.compositionErrors.length).toBeGreaterThan(0);
    expect(result.lines.join('\n')).toMatch(/✗ composition failed with \d+ error\(s\):\n\s+\[[A-Z_]+\] .*"Query\.spaces"/);
    expect(result.lines.at(-1)).toBe('Result: FAILED (the subgraphs do not compose)');
  });
});
