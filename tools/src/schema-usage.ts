import type { UsageEntry } from '@kyodo/gateway';

/** Who used a schema coordinate in the usage window: per client, its operations and requests. */
export interface ClientUse {
  client: { name: string; version: string };
  operations: number;
  requests: number;
  /** A few operation names, to say which ones. */
  names: string[];
}

/**
 * The coordinate whose recorded use a breaking change would break, or undefined when the
 * gateway's usage cannot tell (enum values, input object fields, union members, interfaces):
 * those changes are treated as used, as without usage data.
 */
export function usageCoordinateOf(type: string, path: string): string | undefined {
  switch (type) {
    case 'FIELD_REMOVED':
    case 'FIELD_TYPE_CHANGED':
    case 'FIELD_ARGUMENT_REMOVED':
    case 'FIELD_ARGUMENT_TYPE_CHANGED':
    case 'TYPE_REMOVED':
    case 'TYPE_KIND_CHANGED':
      return path;
    // a new required argument breaks every operation that selects the field without it
    case 'FIELD_ARGUMENT_ADDED':
      return path.split('.').slice(0, 2).join('.');
    default:
      return undefined;
  }
}

function uses(entry: UsageEntry, coordinate: string): boolean {
  return entry.coordinates.some((c) => c === coordinate || c.startsWith(`${coordinate}.`));
}

/** The clients that used `coordinate` (or anything under it: `Card` covers `Card.name`), most requests first. */
export function clientsUsing(entries: readonly UsageEntry[], coordinate: string): ClientUse[] {
  const byClient = new Map<string, ClientUse & { hashes: Set<string> }>();
  for (const entry of entries) {
    if (!uses(entry, coordinate)) continue;
    const key = `${entry.client.name}\u0000${entry.client.version}`;
    let found = byClient.get(key);
    if (!found) byClient.set(key, (found = { client: entry.client, operations: 0, requests: 0, names: [], hashes: new Set() }));
    if (!found.hashes.has(entry.hash)) {
      found.hashes.add(entry.hash);
      found.operations += 1;
      if (entry.name && !found.names.includes(entry.name) && found.names.length < 3) found.names.push(entry.name);
    }
    found.requests += entry.count;
  }
  return [...byClient.values()].map(({ hashes: _hashes, ...use }) => use).sort((a, b) => b.requests - a.requests);
}

export function describeClientUse(use: ClientUse): string {
  const client = use.client.version ? `${use.client.name} ${use.client.version}` : use.client.name;
  return `${client}: ${use.operations} operation(s)${use.names.length > 0 ? ` (${use.names.join(', ')})` : ''}, ${use.requests} request(s)`;
}
