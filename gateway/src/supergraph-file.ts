import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The committed supergraph, beside package.json whether run from src/ (tsx) or dist/ (built). */
export const DEFAULT_SUPERGRAPH_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'supergraph.graphql');

/** Composition output is stable, but a trailing newline keeps editors and diffs quiet. */
export function supergraphFileText(supergraphSdl: string): string {
  return supergraphSdl.endsWith('\n') ? supergraphSdl : `${supergraphSdl}\n`;
}
