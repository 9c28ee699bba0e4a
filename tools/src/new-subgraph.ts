import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** The names one subgraph name turns into: `field-notes` -> FieldNotes, fieldNotes, field_notes. */
export interface SubgraphNames {
  name: string;
  pascal: string;
  camel: string;
  snake: string;
}

export const SUBGRAPH_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function subgraphNames(name: string): SubgraphNames {
  if (!SUBGRAPH_NAME.test(name)) throw new Error(`"${name}" is not a subgraph name: use lower-case letters and digits, words joined by dashes (e.g. field-notes).`);
  const words = name.split('-');
  const pascal = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return { name, pascal, camel: pascal[0]!.toLowerCase() + pascal.slice(1), snake: words.join('_') };
}

/**
 * Every file of a new subgraph, the same shape as the four: a factory (subgraph.ts), a thin
 * main, domain/ (a rule as a plain function), entities/, resolvers/, migrations/, loaders, and
 * tests. Its first entity is a note each user of the tenant keeps, added to `User` by key.
 */
export function subgraphFiles(n: SubgraphNames, migrationTimestamp: number): Record<string, string> {
  const { name, pascal, camel, snake } = n;
  const migration = `Create${pascal}Notes${migrationTimestamp}`;
  const run = 'TSX_TSCONFIG_PATH=../../tsconfig.base.json node --conditions=development --import tsx';
  return {
    'package.json': `${JSON.stringify(
      {
        name: `@kyodo/${name}`,
        version: '0.1.0',
        private: true,
        type: 'module',
        exports: { '.': { types: './src/index.ts', development: './src/index.ts', default: './dist/index.js' } },
        scripts: {
          build: 'tsc -p tsconfig.build.json',
          typecheck: 'tsc --noEmit',
          test: 'vitest run',
          'schema:print': `${run} ../../packages/subgraph-kit/src/schema-print-cli.ts`,
          start: `${run} src/main.ts`,
          dev: `${run} --watch src/main.ts`,
          'start:prod': 'node dist/main.js',
          lint: 'eslint .',
        },
        dependencies: { '@kyodo/auth': '*', '@kyodo/subgraph-kit': '*', graphql: '16.15.0', 'reflect-metadata': '0.2.2', 'type-graphql': '2.0.0-rc.4', typeorm: '1.1.1' },
        devDependencies: { '@kyodo/testkit': '*' },
      },
      null,
      2,
    )}\n`,
    'tsconfig.json': `{\n  "extends": "../../tsconfig.base.json",\n  "compilerOptions": { "rootDir": ".", "noEmit": true },\n  "include": ["src", "test"]\n}\n`,
    'tsconfig.build.json': `{\n  "extends": "../../tsconfig.base.json",\n  "compilerOptions": { "rootDir": "src", "outDir": "dist", "noEmit": false, "customConditions": [] },\n  "include": ["src"]\n}\n`,
    'vitest.config.ts': `import { defineKyodoConfig } from '../../vitest.shared.mjs';\n\nexport default defineKyodoConfig(import.meta.dirname);\n`,
    'src/index.ts': `export { ${camel}Subgraph, create${pascal}Subgraph, ${camel}Entities } from './subgraph.js';\nexport { migrations as ${camel}Migrations } from './migrations/index.js';\n`,
    'src/main.ts': `import { subgraphMain } from '@kyodo/subgraph-kit/main-entry';\n\n// the subgraph is imported after tracing starts, so its http, graphql and mysql2 are instrumented\nawait subgraphMain('${name}', async () => (await import('./subgraph.js')).${camel}Subgraph);\n`,
    'src/owned-ids.ts': `import type { OwnedIdsSpec } from '@kyodo/subgraph-kit';

/**
 * T1: what each ID argument or ID input field of this subgraph's mutations names, and how it is
 * proven to be the caller's tenant's (see packages/subgraph-kit/src/owned-ids.ts). None yet: a
 * mutation that takes an id refuses to build until it is declared here.
 */
export const ${camel}OwnedIds: OwnedIdsSpec = { ids: {}, owners: {}, names: {} };
`,
    'src/subgraph.ts': `import { defineSubgraph, type SubgraphDeps } from '@kyodo/subgraph-kit';
import { ${pascal}Note } from './entities/${name}-note.entity.js';
import { UserRef } from './entities/user.type.js';
import { create${pascal}Loaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { ${camel}OwnedIds } from './owned-ids.js';
import { ${pascal}NoteResolver } from './resolvers/${name}-note.resolver.js';

export const ${camel}Entities = [${pascal}Note];

/** The ${name} subgraph (its name, port and schema file are in subgraphs.json). */
export const ${camel}Subgraph = defineSubgraph({
  name: '${name}',
  resolvers: [${pascal}NoteResolver],
  orphanedTypes: [UserRef],
  entities: ${camel}Entities,
  migrations,
  createLoaders: create${pascal}Loaders,
  ownedIds: ${camel}OwnedIds,
});

export const create${pascal}Subgraph = (deps: SubgraphDeps) => ${camel}Subgraph.create(deps);
`,
    'src/context.ts': `import type { RequestContext } from '@kyodo/subgraph-kit';\nimport type { ${pascal}Loaders } from './loaders.js';\n\nexport type ${pascal}Context = RequestContext<${pascal}Loaders>;\n`,
    'src/loaders.ts': `import type { Viewer } from '@kyodo/auth';
import { createByIdLoader } from '@kyodo/subgraph-kit';
import { In, type DataSource } from 'typeorm';
import { ${pascal}Note } from './entities/${name}-note.entity.js';

export function create${pascal}Loaders(viewer: Viewer | null, dataSource: DataSource) {
  return {
    /** T1: notes of the viewer's own tenant only; any other user reads as having none. */
    noteByUserId: createByIdLoader(
      async (ids) => (viewer ? dataSource.getRepository(${pascal}Note).findBy({ tenantId: viewer.tenantId, userId: In([...ids]) }) : []),
      (note) => note.userId,
    ),
  };
}

export type ${pascal}Loaders = ReturnType<typeof create${pascal}Loaders>;
`,
    'src/domain/note-text.ts': `/** The longest note a user may keep. */
export const MAX_NOTE_LENGTH = 500;

/** A note as stored: trimmed, not empty, at most MAX_NOTE_LENGTH characters. */
export function checkNoteText(text: string): { ok: true; text: string } | { ok: false; reason: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'The note is empty; write something or keep the old one.' };
  if ([...trimmed].length > MAX_NOTE_LENGTH) return { ok: false, reason: \`The note has \${[...trimmed].length} characters; the limit is \${MAX_NOTE_LENGTH}.\` };
  return { ok: true, text: trimmed };
}
`,
    'src/entities/user.type.ts': `import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** User is owned by spaces; ${name} adds its fields to it by key. */
@Directive('@key(fields: "id")')
@ObjectType('User')
export class UserRef {
  @Field(() => ID)
  id: string;
}
`,
    [`src/entities/${name}-note.entity.ts`]: `import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One note per user, kept by that user. */
@Entity({ name: '${snake}_notes' })
export class ${pascal}Note {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 36 })
  tenantId: string;

  @Column({ type: 'varchar', length: 2000 })
  text: string;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
`,
    [`src/migrations/${migrationTimestamp}-Create${pascal}Notes.ts`]: `import { createdAtColumn } from '@kyodo/subgraph-kit';
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

export class ${migration} implements MigrationInterface {
  name = '${migration}';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: '${snake}_notes',
        columns: [
          { name: 'userId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'text', type: 'varchar', length: '2000' },
          createdAtColumn(queryRunner, 'updatedAt'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('${snake}_notes');
  }
}
`,
    'src/migrations/index.ts': `import { ${migration} } from './${migrationTimestamp}-Create${pascal}Notes.js';\n\n/** Applied in this order; a new migration goes at the end. */\nexport const migrations = [${migration}];\n`,
    [`src/resolvers/${name}-note.resolver.ts`]: `import { appError, requireMember } from '@kyodo/subgraph-kit';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { ${pascal}Context } from '../context.js';
import { checkNoteText } from '../domain/note-text.js';
import { ${pascal}Note } from '../entities/${name}-note.entity.js';
import { UserRef } from '../entities/user.type.js';

@Resolver(() => UserRef)
export class ${pascal}NoteResolver {
  // nullable: a field added to another subgraph's entity, so a client keeps the rest when ${name} is down
  @FieldResolver(() => String, { nullable: true, description: "The user's ${name} note; null when none, or for users outside the viewer's tenant (T1)." })
  async ${camel}Note(@Root() user: UserRef, @Ctx() ctx: ${pascal}Context): Promise<string | null> {
    return (await ctx.loaders.noteByUserId.load(user.id))?.text ?? null;
  }

  @Mutation(() => String, { description: "Keeps the viewer's own ${name} note (members only); answers the note as stored." })
  async set${pascal}Note(@Arg('text', () => String) text: string, @Ctx() ctx: ${pascal}Context): Promise<string> {
    const viewer = requireMember(ctx, 'keep a ${name} note');
    const checked = checkNoteText(text);
    if (!checked.ok) throw appError('BAD_USER_INPUT', checked.reason, { field: 'text' });
    await ctx.dataSource.getRepository(${pascal}Note).save({ userId: viewer.userId, tenantId: viewer.tenantId, text: checked.text });
    return checked.text;
  }
}
`,
    'test/migrations.test.ts': `import { checkMigrationRoundTrip, testDialects } from '@kyodo/testkit';
import { describe, expect, it } from 'vitest';
import { ${camel}Entities, ${camel}Migrations } from '../src/index.js';

describe.each(testDialects())('${name} migrations on %s', (dialect) => {
  it('run up, match the entities exactly, revert every down to an empty schema, and run up again', async () => {
    const report = await checkMigrationRoundTrip({ name: '${name}', entities: ${camel}Entities, migrations: ${camel}Migrations }, dialect);
    expect(report.applied).toEqual(${camel}Migrations.map((m) => m.name));
    expect(report.tablesAfterRevert).toEqual([]);
    expect(report.tablesAfterUp).toEqual(['${snake}_notes']);
  });
});
`,
    'test/note-text.test.ts': `import { describe, expect, it } from 'vitest';
import { checkNoteText, MAX_NOTE_LENGTH } from '../src/domain/note-text.js';

describe('a ${name} note', () => {
  it('is stored trimmed', () => {
    expect(checkNoteText('  hello ')).toEqual({ ok: true, text: 'hello' });
  });

  it('is refused when empty or longer than the limit, saying why', () => {
    expect(checkNoteText('   ')).toEqual({ ok: false, reason: expect.stringMatching(/empty/) });
    expect(checkNoteText('あ'.repeat(MAX_NOTE_LENGTH + 1))).toEqual({ ok: false, reason: expect.stringMatching(/limit is 500/) });
    expect(checkNoteText('あ'.repeat(MAX_NOTE_LENGTH))).toMatchObject({ ok: true });
  });
});
`,
    [`test/${name}-note.test.ts`]: `import { DEMO, errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ${camel}Subgraph } from '../src/index.js';

const SET = \`mutation($text: String!) { set${pascal}Note(text: $text) }\`;
/** What a gateway sends ${name} to add its field to a User it got from spaces. */
const NOTE = \`query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id ${camel}Note } } }\`;
type Notes = { _entities: Array<{ id: string; ${camel}Note: string | null } | null> };

describe.each(testDialects())('${name}: User.${camel}Note on %s', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [${camel}Subgraph], dialect });
  });
  afterAll(() => stack?.close());

  const noteOf = async (userId: string, token: string | null) =>
    (await stack.client.data<Notes>(NOTE, { r: [{ __typename: 'User', id: userId }] }, { token }))._entities[0]?.${camel}Note;

  it('a member keeps a note; colleagues in the tenant read it', async () => {
    const { member, admin } = await stack.auth.demoTokens();
    expect((await stack.client.data<{ set${pascal}Note: string }>(SET, { text: ' first note ' }, { token: member })).set${pascal}Note).toBe('first note');
    expect(await noteOf(DEMO.member.id, admin)).toBe('first note');
  });

  it('T1: another tenant reads null; anonymous callers and guests may not write', async () => {
    const other = await stack.auth.tokenFor({ id: '00000000-0000-4000-8000-00000000a011', tenantId: '00000000-0000-4000-8000-00000000a001' });
    expect(await noteOf(DEMO.member.id, other)).toBeNull();
    expect(errorCodes(await stack.client.request(SET, { text: 'x' }, { token: null }))).toEqual(['UNAUTHENTICATED']);
    const { guest } = await stack.auth.demoTokens();
    expect(errorCodes(await stack.client.request(SET, { text: 'x' }, { token: guest }))).toEqual(['FORBIDDEN']);
  });

  it('an empty note is BAD_USER_INPUT and the old one stays', async () => {
    const { member } = await stack.auth.demoTokens();
    expect(errorCodes(await stack.client.request(SET, { text: '  ' }, { token: member }))).toEqual(['BAD_USER_INPUT']);
    expect(await noteOf(DEMO.member.id, member)).toBe('first note');
  });
});
`,
    'test/published-schema.test.ts': `import { publishedSchemaState } from '@kyodo/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { ${camel}Subgraph } from '../src/index.js';

describe('the published schema (services/${name}/schema.graphql)', () => {
  it('is what the code builds: run \`npm run schema:print\` (then \`npm run compose\`) when this fails', async () => {
    const { committed, fresh } = await publishedSchemaState(${camel}Subgraph);
    expect(committed, 'services/${name}/schema.graphql is stale or missing: run \`npm run schema:print\` and commit it').toBe(fresh);
  });
});
`,
  };
}

interface RegistryFile {
  portBase: number;
  subgraphs: Array<{ name: string; portOffset: number; urlEnv: string; workspace: string }>;
}

/**
 * Adds the subgraph's line to subgraphs.json, on the next free port offset. Written as text so
 * the file keeps one line per subgraph (the only line outside its folder a new subgraph needs).
 */
export async function registerSubgraph(root: string, n: SubgraphNames): Promise<{ portOffset: number; line: string }> {
  const path = join(root, 'subgraphs.json');
  const text = await readFile(path, 'utf8');
  const registry = JSON.parse(text) as RegistryFile;
  if (registry.subgraphs.some((s) => s.name === n.name)) throw new Error(`subgraphs.json already lists "${n.name}".`);
  const portOffset = Math.max(...registry.subgraphs.map((s) => s.portOffset)) + 1;
  const entry = { name: n.name, package: `@kyodo/${n.name}`, workspace: `services/${n.name}`, portOffset, urlEnv: `${n.snake.toUpperCase()}_URL`, schema: `services/${n.name}/schema.graphql` };
  const line = `    ${JSON.stringify(entry).replace(/","/g, '", "').replace(/,"/g, ', "').replace(/":/g, '": ').replace(/^\{/, '{ ').replace(/\}$/, ' }')}`;
  const lastEntry = text.lastIndexOf('}', text.lastIndexOf(']'));
  const updated = `${text.slice(0, lastEntry + 1)},\n${line}${text.slice(lastEntry + 1)}`;
  JSON.parse(updated); // never leave a broken registry behind
  await writeFile(path, updated);
  return { portOffset, line: line.trim() };
}

function runTsx(root: string, cwd: string, script: string, args: string[] = []): void {
  const result = spawnSync(process.execPath, ['--conditions=development', '--import', 'tsx', script, ...args], {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.base.json') },
  });
  if (result.status !== 0) throw new Error(`${script} ${args.join(' ')} failed (exit code ${result.status ?? result.signal}).`);
}

/** `npm run new-subgraph -- <name>`: writes services/<name>, registers it, prints its schema and composes the supergraph. */
export async function scaffoldSubgraph(root: string, name: string, log: (line: string) => void = () => {}): Promise<{ dir: string; files: string[] }> {
  const n = subgraphNames(name);
  const dir = join(root, 'services', name);
  if (existsSync(dir)) throw new Error(`services/${name} already exists.`);
  const files = subgraphFiles(n, Date.now());
  for (const [relativePath, content] of Object.entries(files)) {
    const path = join(dir, relativePath);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
  log(`Created services/${name} (${Object.keys(files).length} files)`);
  const { portOffset, line } = await registerSubgraph(root, n);
  log(`Registered in subgraphs.json (port offset ${portOffset}): ${line}`);
  runTsx(root, dir, join(root, 'packages', 'subgraph-kit', 'src', 'schema-print-cli.ts'));
  runTsx(root, join(root, 'gateway'), join(root, 'gateway', 'src', 'compose-cli.ts'));
  log(`Next: npm install (links @kyodo/${name}), then npm test -w @kyodo/${name}, npm run schema:check, npm start.`);
  return { dir, files: Object.keys(files) };
}
