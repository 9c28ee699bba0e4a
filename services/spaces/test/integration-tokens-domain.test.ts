import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { integrationTokenLive, integrationTokenName, scopedSpacesQueryAllowed } from '../src/domain/integration-tokens.js';

function allowed(query: string): boolean {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  return scopedSpacesQueryAllowed(document, operation);
}

describe('C6: what an integration token may ask spaces', () => {
  it("allows the acting user's own groups and users' ids and names, with __typename, aliases and fragments", () => {
    expect(allowed(`query CardsViewerGroups { viewer { groupIds } }`)).toBe(true);
    expect(allowed(`{ __typename me: viewer { __typename id groupIds } }`)).toBe(true);
    expect(allowed(`query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on User { id name } } }`)).toBe(true);
    expect(allowed(`query($r: [_Any!]!) { _entities(representations: $r) { ...U } } fragment U on User { name }`)).toBe(true);
  });

  it('refuses anything wider: other fields, other types, nested objects, mutations', () => {
    expect(allowed(`{ viewer { email } }`)).toBe(false);
    expect(allowed(`{ viewer { groupIds tenant { id } } }`)).toBe(false);
    expect(allowed(`{ viewer }`)).toBe(false);
    expect(allowed(`{ integrationTokens { id } }`)).toBe(false);
    expect(allowed(`query($r: [_Any!]!) { _entities(representations: $r) { ... on User { groupIds } } }`)).toBe(false);
    expect(allowed(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Space { id } } }`)).toBe(false);
    expect(allowed(`query($r: [_Any!]!) { _entities(representations: $r) { ...S } } fragment S on Space { id }`)).toBe(false);
    expect(allowed(`{ ...Q } fragment Q on Query { viewer { groupIds } }`)).toBe(false);
    expect(allowed(`mutation { viewer { groupIds } }`)).toBe(false);
  });
});

describe('C6: a stored integration token still works', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const row = { tenantId: 't1', userId: 'u1', expiresAt: new Date('2027-01-01T00:00:00Z'), revokedAt: null };
  const viewer = { tenantId: 't1', userId: 'u1' };

  it('while stored, for its tenant and acting user, unrevoked and unexpired', () => {
    expect(integrationTokenLive(row, viewer, now)).toBe(true);
    expect(integrationTokenLive(null, viewer, now)).toBe(false);
    expect(integrationTokenLive({ ...row, revokedAt: now }, viewer, now)).toBe(false);
    expect(integrationTokenLive({ ...row, expiresAt: now }, viewer, now)).toBe(false);
    expect(integrationTokenLive(row, { ...viewer, userId: 'u2' }, now)).toBe(false);
    expect(integrationTokenLive(row, { ...viewer, tenantId: 't2' }, now)).toBe(false);
  });

  it('names have 1 to 100 characters after trimming', () => {
    expect(integrationTokenName(' CRM ')).toBe('CRM');
    expect(integrationTokenName('  ')).toBeNull();
    expect(integrationTokenName('x'.repeat(101))).toBeNull();
  });
});
