import { Kind, OperationTypeNode, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** C6: an integration token lives a year; the administrator revokes it earlier when needed. */
export const INTEGRATION_TOKEN_TTL_SECONDS = 365 * 24 * 60 * 60;

/** What the token carries; spaces hands out no other scope yet. */
export const INTEGRATION_TOKEN_SCOPES = ['cards:read'] as const;

export interface IntegrationTokenRow {
  tenantId: string;
  userId: string;
  expiresAt: Date;
  revokedAt: Date | null;
}

/**
 * C6: whether a stored token still works for the viewer it names: same tenant and acting user,
 * not revoked, not expired. (The signature and expiry are checked already; this is the part
 * only spaces knows.)
 */
export function integrationTokenLive(row: IntegrationTokenRow | null, viewer: { tenantId: string; userId: string }, now: Date): boolean {
  if (!row || row.tenantId !== viewer.tenantId || row.userId !== viewer.userId) return false;
  return row.revokedAt === null && row.expiresAt.getTime() > now.getTime();
}

/** A token name: 1 to 100 characters after trimming, or null when unusable. */
export function integrationTokenName(name: string): string | null {
  const trimmed = name.trim();
  return trimmed && trimmed.length <= 100 ? trimmed : null;
}

type Allowed = { [field: string]: Allowed | true };

/**
 * What an integration token may ask spaces, and nothing more (C6): its acting user's own group
 * ids (cards asks for them on every request, C3) and, for the gateway, the id and name of users
 * on a card (`_entities`, still under canSeeUser). `__typename` anywhere.
 */
const SCOPED_QUERY: Allowed = {
  viewer: { id: true, groupIds: true },
  _entities: { 'on User': { id: true, name: true } } as Allowed,
};

function selectionAllowed(set: SelectionSetNode | undefined, allowed: Allowed | true, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): boolean {
  if (allowed === true) return set === undefined;
  if (!set) return false;
  return set.selections.every((selection) => {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === '__typename') return true;
      const next = allowed[selection.name.value];
      return next !== undefined && selectionAllowed(selection.selectionSet, next, fragments, seen);
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition?.name.value;
      const next = type ? allowed[`on ${type}`] : allowed;
      return next !== undefined && selectionAllowed(selection.selectionSet, next, fragments, seen);
    }
    // a named fragment: read as if inline, once (a cycle is invalid GraphQL anyway)
    const fragment = fragments.get(selection.name.value);
    if (!fragment || seen.has(fragment.name.value)) return false;
    const next = allowed[`on ${fragment.typeCondition.name.value}`];
    return next !== undefined && selectionAllowed(fragment.selectionSet, next, fragments, new Set([...seen, fragment.name.value]));
  });
}

/** C6: whether a query from an integration token asks spaces only for what SCOPED_QUERY allows. */
export function scopedSpacesQueryAllowed(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  if (operation.operation !== OperationTypeNode.QUERY) return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return selectionAllowed(operation.selectionSet, SCOPED_QUERY, fragments, new Set());
}
