import { readFile } from 'node:fs/promises';
import { cardsSubgraph } from '@kyodo/cards';
import { licensingSubgraph } from '@kyodo/licensing';
import { spacesSubgraph } from '@kyodo/spaces';
import { supportSubgraph } from '@kyodo/support';
import type { IdOwnership } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, signInAs, testDialects, type Stack } from '@kyodo/testkit';
import {
  buildASTSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPERGRAPH_PATH, startFullStack } from './full-stack.js';

/**
 * T1, the authorisation matrix: every mutation of the composed schema that takes an id is called
 * by the administrator of tenant A with ids of tenant B (the demo tenant), and must be refused
 * with NOT_FOUND or FORBIDDEN, never succeed and never fail with INTERNAL_SERVER_ERROR; tenant B's
 * data must be unchanged. The list of mutations is read from the supergraph, and what each id
 * names from the subgraphs' own ownership declarations, so a new mutation is in the matrix
 * without anyone adding it; an id kind without a tenant-B fixture fails the test.
 */

const TENANT_A = '00000000-0000-4000-8000-00000000a001';
const ADMIN_A = '00000000-0000-4000-8000-00000000a011';
const REFUSALS = ['NOT_FOUND', 'FORBIDDEN'];

const declarations: Record<string, IdOwnership> = Object.assign({}, ...[spacesSubgraph, licensingSubgraph, cardsSubgraph, supportSubgraph].map((s) => s.ownedIds?.ids ?? {}));

interface MatrixCall {
  mutation: string;
  query: string;
  variables: Record<string, unknown>;
  problems: string[];
}

/** A value of the right type for every required argument, and tenant B's id wherever an ID goes. */
function valueFor(type: GraphQLInputType, coordinate: string, fixtures: Record<string, string>, problems: string[], required: boolean): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, coordinate, fixtures, problems, true);
  if (isListType(type)) {
    const item = valueFor(type.ofType, coordinate, fixtures, problems, true);
    return item === undefined ? undefined : [item];
  }
  const named = getNamedType(type);
  if (named.name === 'ID') {
    const rule = declarations[coordinate];
    if (!rule) {
      problems.push(`${coordinate} takes an ID that no subgraph declares in its ownedIds`);
      return 'undeclared';
    }
    if ('notTenantScoped' in rule) return 'dezie'; // the vendor's catalogue: the same for every tenant
    const id = fixtures[rule.kind];
    if (!id) problems.push(`${coordinate} is a ${rule.kind} id and the matrix has no tenant-B fixture for ${rule.kind}: add one in authorisation-matrix.test.ts`);
    return id ?? 'missing-fixture';
  }
  if (isInputObjectType(named)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(named.getFields())) {
      const takesId = idCoordinates(field.type, `${named.name}.${field.name}`).length > 0;
      if (!isNonNullType(field.type) && !takesId) continue;
      const v = valueFor(field.type, `${named.name}.${field.name}`, fixtures, problems, isNonNullType(field.type));
      if (v !== undefined) value[field.name] = v;
    }
    return value;
  }
  if (!required) return undefined;
  if (isEnumType(named)) return named.getValues()[0]!.value;
  switch (named.name) {
    case 'Int':
    case 'SafeInt':
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'Date':
      return '2025-01-06';
    case 'DateTime':
      return '2025-01-06T01:00:00.000Z';
    default:
      return 'matrix';
  }
}

function idCoordinates(type: GraphQLInputType, coordinate: string, seen = new Set<string>()): string[] {
  const named = getNamedType(type);
  if (named.name === 'ID') return [coordinate];
  if (!isInputObjectType(named) || seen.has(named.name)) return [];
  seen.add(named.name);
  return Object.values(named.getFields()).flatMap((f) => idCoordinates(f.type, `${named.name}.${f.name}`, seen));
}

function matrixCalls(schema: GraphQLSchema, fixtures: Record<string, string>): MatrixCall[] {
  const calls: MatrixCall[] = [];
  for (const field of Object.values(schema.getMutationType()!.getFields()) as Array<GraphQLField<unknown, unknown>>) {
    const takesIds = field.args.some((a) => idCoordinates(a.type, `Mutation.${field.name}.${a.name}`).length > 0);
    if (!takesIds) continue;
    const problems: string[] = [];
    const variables: Record<string, unknown> = {};
    for (const arg of field.args) {
      const v = valueFor(arg.type, `Mutation.${field.name}.${arg.name}`, fixtures, problems, isNonNullType(arg.type));
      if (v !== undefined) variables[arg.name] = v;
    }
    const params = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
    calls.push({ mutation: field.name, query: `mutation Matrix(${params}) { ${field.name}(${args})${selection} }`, variables, problems });
  }
  return calls;
}

describe.each(testDialects())('authorisation matrix through the gateway on %s (T1)', (dialect) => {
  let stack: Stack;
  let schema: GraphQLSchema;
  const fixtures: Record<string, string> = {};
  let adminA: string;

  /** Every row of every table of every subgraph: tenant B's data must read the same after the matrix. */
  async function snapshot(): Promise<string> {
    const tables: Record<string, unknown[]> = {};
    for (const [name, handle] of Object.entries(stack.handles)) {
      for (const meta of handle.dataSource.entityMetadatas) {
        tables[`${name}.${meta.tableName}`] = (await handle.dataSource.query(`SELECT * FROM ${meta.tableName}`)) as unknown[];
      }
    }
    return JSON.stringify(tables);
  }

  beforeAll(async () => {
    stack = await startFullStack({ dialect });
    schema = buildASTSchema(parse(await readFile(SUPERGRAPH_PATH, 'utf8')), { assumeValidSDL: true });
    const adminB = await signInAs(stack.client, 'admin');
    const as = <T>(query: string, variables: Record<string, unknown>) => stack.client.data<T>(query, variables, { token: adminB });
    // tenant B (the demo tenant): one of each kind of thing a mutation can name
    const space = (await as<{ createSpace: { id: string } }>('mutation($i: CreateSpaceInput!) { createSpace(input: $i) { id } }', { i: { name: 'B space', isGuestSpace: false } })).createSpace.id;
    const thread = (await as<{ createThread: { id: string } }>('mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }', { i: { spaceId: space, title: 'B thread' } })).createThread.id;
    const comment = (await as<{ addComment: { id: string } }>('mutation($i: AddCommentInput!) { addComment(input: $i) { id } }', { i: { threadId: thread, text: 'B comment' } })).addComment.id;
    const group = (await as<{ createGroup: { id: string } }>('mutation($i: CreateGroupInput!) { createGroup(input: $i) { id } }', { i: { name: 'B group' } })).createGroup.id;
    const token = (await as<{ issueIntegrationToken: { id: string } }>('mutation($i: IssueIntegrationTokenInput!) { issueIntegrationToken(input: $i) { id } }', { i: { name: 'B crm' } }))
      .issueIntegrationToken.id;
    const app = (await as<{ addSpaceApp: { id: string } }>('mutation($i: AddSpaceAppInput!) { addSpaceApp(input: $i) { id } }', { i: { spaceId: space, name: 'B app' } })).addSpaceApp.id;
    const card = (await as<{ createCard: { id: string } }>('mutation($i: CreateCardInput!) { createCard(input: $i) { id } }', { i: { name: 'B card' } })).createCard.id;
    const job = (await as<{ startCardImport: { id: string } }>('mutation($i: StartCardImportInput!) { startCardImport(input: $i) { id } }', { i: {} })).startCardImport.id;
    const ticket = (
      await as<{ openTicket: { id: string } }>('mutation($i: OpenTicketInput!) { openTicket(input: $i) { id } }', {
        i: { channel: 'ONLINE', category: 'OPERATION', productId: 'dezie', productVersion: '7', subject: 'B ticket', body: 'B の質問です。' },
      })
    ).openTicket.id;
    // Q1: one of tenant B's invoices, from a billing run of the current month (the vendor's time zone)
    const operator = await signInAs(stack.client, 'operator');
    const period = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
    await stack.client.data('mutation($p: String!) { runBilling(period: $p) { issuedCount } }', { p: period }, { token: operator });
    const invoice = (await as<{ invoices: Array<{ id: string }> }>('query { invoices { id } }', {})).invoices[0]!.id;
    Object.assign(fixtures, {
      Invoice: invoice,
      User: DEMO.member.id,
      Requester: DEMO.admin.id,
      Tenant: DEMO.tenant.id,
      Space: space,
      Thread: thread,
      Comment: comment,
      Group: group,
      IntegrationToken: token,
      SpaceApp: app,
      Card: card,
      CardImportJob: job,
      Ticket: ticket,
    });
    // tenant A's administrator: tenant A owns none of the above
    adminA = await stack.auth.tokenFor({ id: ADMIN_A, tenantId: TENANT_A, roles: ['ADMIN'] });
  }, 60_000);
  afterAll(() => stack?.close());

  it('covers every mutation that takes an id, each with a declared kind and a tenant-B fixture', () => {
    const calls = matrixCalls(schema, fixtures);
    expect(calls.map((c) => c.mutation)).toContain('addSupportRegistrant');
    expect(calls.map((c) => c.mutation)).toContain('setCardExportPermission');
    expect(calls.flatMap((c) => c.problems)).toEqual([]);
  });

  it("refuses every mutation called by tenant A's admin with tenant B's ids (NOT_FOUND or FORBIDDEN), and tenant B's data is unchanged", async () => {
    const before = await snapshot();
    const outcomes: Record<string, string> = {};
    for (const call of matrixCalls(schema, fixtures)) {
      const r = await stack.client.request<Record<string, unknown>>(call.query, call.variables, { token: adminA });
      const codes = errorCodes(r);
      outcomes[call.mutation] = codes.length === 0 ? 'SUCCEEDED' : codes.every((c) => REFUSALS.includes(c)) ? 'refused' : codes.join(',');
    }
    const wrong = Object.entries(outcomes).filter(([, outcome]) => outcome !== 'refused');
    expect(wrong, 'mutations not refused with NOT_FOUND/FORBIDDEN').toEqual([]);
    expect(Object.keys(outcomes).length).toBeGreaterThanOrEqual(40);
    expect(await snapshot()).toBe(before);
  }, 60_000);
});
