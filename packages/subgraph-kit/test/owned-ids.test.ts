import { buildSchema, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { guardOwnedIds, mutationIdCoordinates, type OwnedIdsSpec } from '../src/owned-ids.js';
import type { RequestContext } from '../src/context.js';
import { withLanguage } from '../src/refusals.js';

const SDL = `
  type Query { ok: Boolean }
  input TagInput { cardIds: [ID!]!, note: String, nested: NestedInput }
  input NestedInput { userId: ID }
  type Mutation { tag(input: TagInput!): Boolean, drop(id: ID!): Boolean, rename(name: String!): Boolean }
`;

const owned = new Set(['mine-1', 'mine-2', 'user-1']);
const spec: OwnedIdsSpec = {
  ids: { 'TagInput.cardIds': { kind: 'Card' }, 'NestedInput.userId': { kind: 'User' }, 'Mutation.drop.id': { kind: 'Card' } },
  owners: { Card: (ids) => Promise.resolve(ids.filter((id) => owned.has(id))), User: (ids) => Promise.resolve(ids.filter((id) => owned.has(id))) },
  names: { Card: { ja: '名刺', en: 'card' }, User: { ja: 'ユーザー', en: 'user' } },
};

function schemaWithResolvers() {
  const schema = buildSchema(SDL);
  const fields = schema.getMutationType()!.getFields();
  fields.tag!.resolve = () => true;
  fields.drop!.resolve = () => true;
  return schema;
}

const ctx = { viewer: { userId: 'u', tenantId: 't', kind: 'MEMBER', roles: [] } } as unknown as RequestContext;

describe('T1: ownership of every id a mutation takes (subgraph-kit)', () => {
  it('finds every ID argument and ID input field, nested and in lists', () => {
    expect(mutationIdCoordinates(buildSchema(SDL))).toEqual(['Mutation.drop.id', 'NestedInput.userId', 'TagInput.cardIds']);
  });

  it('refuses to build a schema whose mutation takes an id with no declared ownership, naming it', () => {
    const { ['Mutation.drop.id']: _dropped, ...rest } = spec.ids;
    expect(() => guardOwnedIds(buildSchema(SDL), { ...spec, ids: rest }, 'test')).toThrow(/Mutation\.drop\.id takes an ID but declares no ownership/);
    expect(() => guardOwnedIds(buildSchema(SDL), { ...spec, owners: { Card: spec.owners.Card! } }, 'test')).toThrow(/NestedInput\.userId is a User id, but test has no owner lookup/);
    expect(() => guardOwnedIds(buildSchema(SDL), { ...spec, ids: { ...spec.ids, 'Gone.id': { kind: 'Card' } } }, 'test')).toThrow(/Gone\.id is declared but no mutation takes it/);
    expect(() => guardOwnedIds(buildSchema(SDL), { ...spec, ids: { ...spec.ids, 'Mutation.drop.id': { notTenantScoped: ' ' } } }, 'test')).toThrow(/without saying why/);
    // I1: a kind a person would read in no language
    expect(() => guardOwnedIds(buildSchema(SDL), { ...spec, names: { Card: spec.names.Card! } }, 'test')).toThrow(/NestedInput\.userId is a User id, but test names User in no language/);
  });

  it('I1: the NOT_FOUND names the kind in the reader\'s words, not the schema\'s type name', async () => {
    const schema = guardOwnedIds(schemaWithResolvers(), spec, 'test');
    const run = (language: 'ja' | 'en') => withLanguage(language, () => graphql({ schema, source: 'mutation { drop(id: "theirs") }', contextValue: ctx }));
    expect((await run('ja')).errors?.[0]?.message).toBe('この ID の名刺は見つかりません。');
    expect((await run('en')).errors?.[0]?.message).toBe('The card with this id was not found.');
  });

  it('answers NOT_FOUND before the resolver runs when any id is not the tenant\'s, and lets owned ids through', async () => {
    const schema = guardOwnedIds(schemaWithResolvers(), spec, 'test');
    const run = (source: string) => graphql({ schema, source, contextValue: ctx });
    expect((await run('mutation { tag(input: { cardIds: ["mine-1", "mine-2"], nested: { userId: "user-1" } }) }')).data).toEqual({ tag: true });
    for (const source of ['mutation { tag(input: { cardIds: ["mine-1", "theirs"] }) }', 'mutation { tag(input: { cardIds: [], nested: { userId: "theirs" } }) }', 'mutation { drop(id: "theirs") }']) {
      const result = await run(source);
      expect(result.errors?.[0]?.extensions?.code, source).toBe('NOT_FOUND');
      expect(result.errors?.[0]?.message).toMatch(/見つかりません|was not found/);
    }
  });
});
