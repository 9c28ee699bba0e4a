import { defaultFieldResolver, type GraphQLInputField, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import type { RequestContext } from './context.js';
import { kitRefusals } from './kit-refusals.js';
import { peerClientFor } from './peers.js';
import { currentLanguage, type Language } from './refusals.js';

/**
 * T1: every id a mutation receives is proven to belong to the caller's tenant before any
 * resolver runs. Each subgraph declares, for every `ID` argument and `ID` input field its
 * mutations take, which kind of thing the id names; the subgraph's owner lookup for that kind
 * answers which of the ids the caller's tenant owns. The schema is refused at build time when a
 * mutation takes an id that has no declaration (or a kind without a lookup), so a new mutation
 * cannot forget it. An id the tenant does not own answers NOT_FOUND, exactly like an id that does
 * not exist, so another tenant's ids cannot be probed.
 */
export type IdOwnership =
  /** The id names a `kind` (User, Space, Card...), checked by the owner lookup of that kind. */
  | { kind: string }
  /** The id is not a tenant's (the vendor's product catalogue...): the reason is required, for review. */
  | { notTenantScoped: string };

/** Which of `ids` the caller may name: those owned by (or, for vendor staff, served by) their tenant. */
export type OwnerLookup = (ids: readonly string[], ctx: RequestContext) => Promise<Iterable<string>>;

export interface OwnedIdsSpec {
  /**
   * Every ID a mutation takes, by schema coordinate: `Mutation.<field>.<arg>` for an argument,
   * `<InputType>.<field>` for an input field (lists of ids included).
   */
  ids: Readonly<Record<string, IdOwnership>>;
  owners: Readonly<Record<string, OwnerLookup>>;
  /**
   * What a person reads for each kind, per language (I1): the NOT_FOUND refusal names it
   * (「この ID の名刺は見つかりません。」, not the schema's `Card`). Every kind with an owner lookup needs one.
   */
  names: Readonly<Record<string, Readonly<Record<Language, string>>>>;
}

interface IdPath {
  /** Argument name, then input field names down to the id. */
  path: string[];
  coordinate: string;
}

/**
 * The named type under list and non-null wrappers, by shape rather than graphql's `isX` helpers:
 * under test runners graphql can be loaded twice (ESM and CJS), and its instanceof checks then
 * refuse a schema built by the other copy.
 */
function namedInputType(type: GraphQLInputType): { name: string; getFields?: () => Record<string, GraphQLInputField> } {
  let inner: unknown = type;
  while (inner && typeof inner === 'object' && 'ofType' in inner && inner.ofType) inner = inner.ofType;
  return inner as { name: string; getFields?: () => Record<string, GraphQLInputField> };
}

/** Every place an ID sits in a mutation's arguments, with the coordinate it is declared under. */
function idPathsOf(schema: GraphQLSchema): Map<string, IdPath[]> {
  const result = new Map<string, IdPath[]>();
  const fields = schema.getMutationType()?.getFields() ?? {};
  for (const field of Object.values(fields)) {
    const paths: IdPath[] = [];
    const walk = (type: GraphQLInputType, path: string[], coordinate: string, seen: ReadonlySet<string>) => {
      const named = namedInputType(type);
      if (named.name === 'ID') paths.push({ path, coordinate });
      else if (named.getFields && !seen.has(named.name)) {
        for (const inner of Object.values(named.getFields())) walk(inner.type, [...path, inner.name], `${named.name}.${inner.name}`, new Set([...seen, named.name]));
      }
    };
    for (const arg of field.args) walk(arg.type, [arg.name], `Mutation.${field.name}.${arg.name}`, new Set());
    if (paths.length > 0) result.set(field.name, paths);
  }
  return result;
}

/** The coordinates a schema's mutations take ids at; what a subgraph must declare. */
export function mutationIdCoordinates(schema: GraphQLSchema): string[] {
  return [...new Set([...idPathsOf(schema).values()].flat().map((p) => p.coordinate))].sort();
}

function collect(value: unknown, path: readonly string[], into: string[]): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, path, into);
    return;
  }
  if (path.length === 0) {
    into.push(String(value));
    return;
  }
  collect((value as Record<string, unknown>)[path[0]!], path.slice(1), into);
}

/**
 * Checks the declarations against the schema (throws, naming what is missing, so the subgraph
 * does not start) and wraps every mutation that takes ids so ownership is proven first.
 */
export function guardOwnedIds(schema: GraphQLSchema, spec: OwnedIdsSpec, subgraph: string): GraphQLSchema {
  const byField = idPathsOf(schema);
  const taken = new Set([...byField.values()].flat().map((p) => p.coordinate));
  const problems: string[] = [];
  for (const coordinate of taken) {
    const rule = spec.ids[coordinate];
    if (!rule) problems.push(`${coordinate} takes an ID but declares no ownership`);
    else if ('kind' in rule && !spec.owners[rule.kind]) problems.push(`${coordinate} is a ${rule.kind} id, but ${subgraph} has no owner lookup for ${rule.kind}`);
    else if ('kind' in rule && !(spec.names[rule.kind]?.ja && spec.names[rule.kind]?.en)) problems.push(`${coordinate} is a ${rule.kind} id, but ${subgraph} names ${rule.kind} in no language (names.${rule.kind}: { ja, en })`);
    else if ('notTenantScoped' in rule && !rule.notTenantScoped.trim()) problems.push(`${coordinate} is declared not tenant-scoped without saying why`);
  }
  for (const coordinate of Object.keys(spec.ids)) if (!taken.has(coordinate)) problems.push(`${coordinate} is declared but no mutation takes it (a stale declaration)`);
  if (problems.length > 0) {
    throw new Error(
      `The ${subgraph} subgraph's mutations must prove every id belongs to the caller's tenant (T1): ${problems.join('; ')}. ` +
        'Declare each in the subgraph\'s ownedIds: { kind } with an owner lookup, or { notTenantScoped: "why" }.',
    );
  }
  const mutationType = schema.getMutationType();
  for (const [fieldName, paths] of byField) {
    const field = mutationType!.getFields()[fieldName]!;
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args: Record<string, unknown>, ctx: RequestContext, info) => {
      await assertOwned(paths, spec, args, ctx);
      return resolve(source, args, ctx, info);
    };
  }
  return schema;
}

async function assertOwned(paths: readonly IdPath[], spec: OwnedIdsSpec, args: Record<string, unknown>, ctx: RequestContext): Promise<void> {
  // without a sign-in there is no tenant to own anything: the resolver refuses with UNAUTHENTICATED
  if (!ctx.viewer) return;
  const idsByKind = new Map<string, Set<string>>();
  for (const { path, coordinate } of paths) {
    const rule = spec.ids[coordinate]!;
    if (!('kind' in rule)) continue;
    const ids: string[] = [];
    collect(args, path, ids);
    if (ids.length === 0) continue;
    const set = idsByKind.get(rule.kind) ?? new Set<string>();
    for (const id of ids) set.add(id);
    idsByKind.set(rule.kind, set);
  }
  for (const [kind, ids] of idsByKind) {
    const owned = new Set(await spec.owners[kind]!([...ids], ctx));
    // the same answer as for an id that does not exist: nothing tells another tenant's ids apart
    if ([...ids].some((id) => !owned.has(id))) throw notFoundOf(spec, kind);
  }
}

/**
 * T1/I1: the NOT_FOUND for an id of `kind` the caller may not name, in the reader's words. The
 * same answer whether the row does not exist, is another tenant's or is hidden from them (C3), so
 * none can be told from another: resolvers that find a row missing throw this too.
 */
export function notFoundOf(spec: Pick<OwnedIdsSpec, 'names'>, kind: string): ReturnType<typeof kitRefusals.refuse> {
  return kitRefusals.refuse('notFoundById', { kind: spec.names[kind]?.[currentLanguage()] ?? kind });
}

/**
 * A lookup for rows of the subgraph's own database: the row carries the tenant (`tenantId`), or
 * its parent does, reached through foreign keys (`through: [['threadId', 'threads'], ['spaceId', 'spaces']]`
 * for a comment).
 */
export function ownedRowsOf(table: string, options: { through?: ReadonlyArray<readonly [foreignKey: string, parentTable: string]>; tenantColumn?: string } = {}): OwnerLookup {
  const column = options.tenantColumn ?? 'tenantId';
  return async (ids, ctx) => {
    if (!ctx.viewer) return [];
    let qb = ctx.dataSource.createQueryBuilder().select('t0.id', 'id').from(table, 't0');
    (options.through ?? []).forEach(([foreignKey, parentTable], i) => {
      qb = qb.innerJoin(parentTable, `t${i + 1}`, `t${i + 1}.id = t${i}.${foreignKey}`);
    });
    const owner = `t${options.through?.length ?? 0}`;
    const rows = await qb
      .where('t0.id IN (:...ids)', { ids: [...ids] })
      .andWhere(`${owner}.${column} = :tenantId`, { tenantId: ctx.viewer.tenantId })
      .getRawMany<{ id: string }>();
    return rows.map((row) => String(row.id));
  };
}

/** The documents sent to spaces, exported so tests send exactly these to their fake of spaces. */
export const OWNED_BY_SPACES = {
  User: 'query OwnedUsers($r: [_Any!]!) { _entities(representations: $r) { ... on User { id tenant { id } } } }',
  Group: 'query OwnedGroups($r: [_Any!]!) { _entities(representations: $r) { ... on Group { id } } }',
} as const;

/**
 * For an entity spaces owns (User, Group), asked of spaces, which is authoritative: `_entities`
 * with the caller's own token, so spaces applies its own visibility rules, and for a User the
 * tenant it belongs to must be the caller's. Fails closed like every peer call: spaces
 * unreachable -> SERVICE_UNAVAILABLE, nothing written. A rare write, so a synchronous call.
 */
export function ownedBySpaces(typename: 'User' | 'Group'): OwnerLookup {
  const query = OWNED_BY_SPACES[typename];
  return async (ids, ctx) => {
    if (!ctx.viewer) return [];
    const tenantId = ctx.viewer.tenantId;
    const data = await peerClientFor(ctx).request<{ _entities: Array<{ id?: string; tenant?: { id: string } | null } | null> }>(
      'spaces',
      query,
      { r: ids.map((id) => ({ __typename: typename, id })) },
      { token: ctx.token, purpose: `check that the ${typename.toLowerCase()} belongs to your organisation` },
    );
    return (data._entities ?? []).flatMap((entity, i) => (entity?.id === ids[i] && (typename !== 'User' || entity?.tenant?.id === tenantId) ? [ids[i]!] : []));
  };
}
