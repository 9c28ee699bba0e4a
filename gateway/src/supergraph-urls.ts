import { Kind, parse, print, visit, type ConstDirectiveNode, type StringValueNode } from 'graphql';

export interface SupergraphSubgraph {
  /** The subgraph name given at composition (`@join__graph(name:)`). */
  name: string;
  url: string;
}

function joinGraphArgs(directive: ConstDirectiveNode): { name?: string; url?: string } {
  const out: { name?: string; url?: string } = {};
  for (const arg of directive.arguments ?? []) {
    if ((arg.name.value === 'name' || arg.name.value === 'url') && arg.value.kind === Kind.STRING) {
      out[arg.name.value] = arg.value.value;
    }
  }
  return out;
}

/** The subgraphs a supergraph routes to, read from its `join__Graph` enum. */
export function supergraphSubgraphs(supergraphSdl: string): SupergraphSubgraph[] {
  const found: SupergraphSubgraph[] = [];
  visit(parse(supergraphSdl), {
    Directive(node) {
      if (node.name.value !== 'join__graph') return;
      const { name, url } = joinGraphArgs(node as ConstDirectiveNode);
      if (name && url !== undefined) found.push({ name, url });
    },
  });
  return found;
}

/**
 * The supergraph with some subgraph URLs replaced. Done on the SDL rather than in the
 * engine's transport options, so any engine handed the result (Hive, Apollo, a Rust
 * router in production) routes the same way. An unknown name is a configuration typo
 * and fails loudly instead of being ignored.
 */
export function withSubgraphUrls(supergraphSdl: string, urls: Partial<Record<string, string>> = {}): string {
  const overrides = Object.entries(urls).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  if (overrides.length === 0) return supergraphSdl;
  const known = new Set(supergraphSubgraphs(supergraphSdl).map((s) => s.name));
  const unknown = overrides.map(([name]) => name).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`No subgraph named ${unknown.map((n) => `"${n}"`).join(', ')} in the supergraph (it has: ${[...known].join(', ')}).`);
  }
  const byName = new Map(overrides);
  const document = visit(parse(supergraphSdl), {
    Directive(node) {
      if (node.name.value !== 'join__graph') return undefined;
      const { name } = joinGraphArgs(node as ConstDirectiveNode);
      const url = name ? byName.get(name) : undefined;
      if (!url) return undefined;
      return {
        ...node,
        arguments: node.arguments?.map((arg) =>
          arg.name.value === 'url' ? { ...arg, value: { kind: Kind.STRING, value: url } satisfies StringValueNode } : arg,
        ),
      };
    },
  });
  return print(document);
}

/** Where a subgraph answers its health check: the kit serves `/health` beside `/graphql`. */
export function subgraphHealthUrl(graphqlUrl: string): string {
  const url = new URL(graphqlUrl);
  url.pathname = `${url.pathname.replace(/\/graphql\/?$/, '').replace(/\/$/, '')}/health`;
  return url.toString();
}
