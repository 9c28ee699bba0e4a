import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { REPOSITORY_ROOT } from '@kyodo/subgraph-kit/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphNames } from '../src/new-subgraph.js';
import { checkSchema } from '../src/schema-check.js';
import { loadSchemaCheckInput } from '../src/schema-check-inputs.js';

const NAME = 'field-notes';
const SKIPPED = /(^|\/)(node_modules|data|dist|\.git|\.turbo)(\/|$)/;

/**
 * A copy of the repository without git history, sharing the installed packages: every
 * node_modules entry linked, except the workspace links, which point into the copy so that the
 * copy's own code (and its subgraphs.json) is what runs.
 */
async function copyRepository(dest: string): Promise<void> {
  await cp(REPOSITORY_ROOT, dest, { recursive: true, filter: (src) => !SKIPPED.test(relative(REPOSITORY_ROOT, src)) });
  const modules = join(REPOSITORY_ROOT, 'node_modules');
  await mkdir(join(dest, 'node_modules', '@kyodo'), { recursive: true });
  for (const entry of await readdir(modules)) {
    if (entry !== '@kyodo') await symlink(join(modules, entry), join(dest, 'node_modules', entry));
  }
  for (const entry of await readdir(join(modules, '@kyodo'))) {
    await symlink(await readlink(join(modules, '@kyodo', entry)), join(dest, 'node_modules', '@kyodo', entry));
  }
  for (const parent of ['packages', 'services']) {
    for (const workspace of await readdir(join(REPOSITORY_ROOT, parent))) {
      const nested = join(REPOSITORY_ROOT, parent, workspace, 'node_modules');
      await symlink(nested, join(dest, parent, workspace, 'node_modules')).catch(() => {});
    }
  }
  for (const workspace of ['gateway', 'test', 'tools']) {
    await symlink(join(REPOSITORY_ROOT, workspace, 'node_modules'), join(dest, workspace, 'node_modules')).catch(() => {});
  }
}

function runInCopy(root: string, script: string, args: string[] = [], cwd = root): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ['--conditions=development', '--import', 'tsx', script, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.base.json'), NODE_ENV: 'test' },
    timeout: 240_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

async function filesOf(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const file of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    const path = relative(root, join(file.parentPath, file.name));
    if (!SKIPPED.test(path)) out.set(path, await readFile(join(root, path), 'utf8'));
  }
  return out;
}

/** Through the gateway: every registered subgraph in-process, as the e2e tests start them. */
const STACK_SCRIPT = `
import { readFile } from 'node:fs/promises';
import { createGateway } from '@kyodo/gateway';
import { signInAs, startStack } from '@kyodo/testkit';
const supergraphSdl = await readFile('gateway/supergraph.graphql', 'utf8');
const stack = await startStack({ gateway: (args) => createGateway({ supergraphSdl, ...args }) });
try {
  const token = await signInAs(stack.client, 'member');
  await stack.client.data('mutation { setFieldNotesNote(text: "from the scaffold test") }', {}, { token });
  const data = await stack.client.data('{ viewer { name fieldNotesNote } }', {}, { token });
  console.log('RESULT ' + JSON.stringify(data));
} finally {
  await stack.close();
}
`;

describe(`npm run new-subgraph -- ${NAME}, in a copy of the repository`, () => {
  let root: string;
  let before: Map<string, string>;
  let scaffold: { status: number | null; output: string };

  beforeAll(async () => {
    root = join(await import('node:fs/promises').then((fs) => fs.mkdtemp(join(tmpdir(), 'kyodo-scaffold-'))), 'repo');
    await copyRepository(root);
    before = await filesOf(root);
    scaffold = runInCopy(root, 'tools/src/new-subgraph-cli.ts', [NAME]);
  }, 300_000);

  afterAll(async () => {
    if (root) await rm(join(root, '..'), { recursive: true, force: true });
  });

  it('creates the subgraph, registers it with one line, prints its schema and composes; nothing else outside its folder changes', async () => {
    expect(scaffold.status, scaffold.output).toBe(0);
    const after = await filesOf(root);
    const changedOutside = [...after.keys()].filter((path) => !path.startsWith(`services/${NAME}/`) && after.get(path) !== before.get(path)).sort();
    expect(changedOutside).toEqual(['gateway/supergraph.graphql', 'subgraphs.json']);
    const registryDiff = after.get('subgraphs.json')!.split('\n').filter((line) => !before.get('subgraphs.json')!.split('\n').includes(line));
    expect(registryDiff.map((l) => l.trim())).toEqual([
      '{ "name": "support", "package": "@kyodo/support", "workspace": "services/support", "portOffset": 4, "urlEnv": "SUPPORT_URL", "schema": "services/support/schema.graphql" },',
      `{ "name": "${NAME}", "package": "@kyodo/${NAME}", "workspace": "services/${NAME}", "portOffset": 5, "urlEnv": "FIELD_NOTES_URL", "schema": "services/${NAME}/schema.graphql" }`,
    ]); // the old last line only gains its comma
    const created = [...after.keys()].filter((p) => p.startsWith(`services/${NAME}/`)).map((p) => p.slice(`services/${NAME}/`.length)).sort();
    for (const expected of ['schema.graphql', 'src/subgraph.ts', 'src/main.ts', 'src/loaders.ts', 'src/entities/user.type.ts', 'test/migrations.test.ts', 'test/published-schema.test.ts']) {
      expect(created).toContain(expected);
    }
    expect(created.some((p) => /^src\/migrations\/\d+-CreateFieldNotesNotes\.ts$/.test(p))).toBe(true);
    expect(created.some((p) => p.startsWith('src/domain/'))).toBe(true);
    expect(created.some((p) => p.startsWith('src/resolvers/'))).toBe(true);
    expect(after.get(`services/${NAME}/schema.graphql`)).toMatch(/type User\s+@key\(fields: "id"\)\s*\{\s*id: ID![\s\S]*fieldNotesNote: String\n/);
    expect(after.get('gateway/supergraph.graphql')).toContain(`FIELD_NOTES @join__graph(name: "${NAME}", url: "http://localhost:4005/graphql")`);
  });

  it('passes the schema check', async () => {
    const result = await checkSchema(await loadSchemaCheckInput(root));
    expect(result.ok, result.lines.join('\n')).toBe(true);
  });

  it('runs behind the gateway with the four others: the new field answers on the viewer', async () => {
    await writeFile(join(root, 'stack-probe.mts'), STACK_SCRIPT);
    const { status, output } = runInCopy(root, 'stack-probe.mts');
    expect(status, output).toBe(0);
    const result = JSON.parse(output.split('\n').find((line) => line.startsWith('RESULT '))!.slice('RESULT '.length));
    expect(result).toEqual({ viewer: { name: expect.any(String), fieldNotesNote: 'from the scaffold test' } });
  });

  it('a breaking edit to it then fails the check, saying what broke and how to proceed', async () => {
    const schemaFile = join(root, 'services', NAME, 'schema.graphql');
    const edited = (await readFile(schemaFile, 'utf8')).replace(/\n\s*"""[^"]*"""\s*fieldNotesNote: String\n/, '\n');
    expect(edited).not.toContain('fieldNotesNote');
    await writeFile(schemaFile, edited);
    const result = await checkSchema(await loadSchemaCheckInput(root));
    expect(result.ok).toBe(false);
    const report = result.lines.join('\n');
    expect(report).toMatch(/✗ BREAKING\s+User\.fieldNotesNote: Field 'fieldNotesNote' was removed from object type 'User'/);
    expect(report).toContain('add {"path": "User.fieldNotesNote", "reason": "..."} to schema-approvals.json');
  });

  it('refuses a name that is taken or malformed', () => {
    expect(() => subgraphNames('Field_Notes')).toThrow(/not a subgraph name/);
    const again = runInCopy(root, 'tools/src/new-subgraph-cli.ts', [NAME]);
    expect(again.status).toBe(1);
    expect(again.output).toContain(`services/${NAME} already exists.`);
  });
});
