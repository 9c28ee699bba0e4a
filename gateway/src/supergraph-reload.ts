import { unwatchFile, watchFile } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Logger } from '@kyodo/subgraph-kit/logger';
import { supergraphSubgraphs, withSubgraphUrls, type SupergraphSubgraph } from './supergraph-urls.js';

/** Why the last new supergraph was not served (shown on /readyz; the previous one still is). */
export interface SupergraphRefusal {
  at: string;
  reason: string;
  file?: string;
  /** SUPERGRAPH_URL, when the supergraph comes from the schema registry. */
  url?: string;
}

/**
 * A candidate supergraph, checked before it replaces the one being served: it parses, names
 * its subgraphs, takes our URL overrides, and is a valid supergraph by federation's own rules
 * (what Apollo Router and Hive Router check too). Throws with a reason a person can act on.
 */
export async function checkSupergraph(text: string, urls: Partial<Record<string, string>> = {}): Promise<{ sdl: string; subgraphs: SupergraphSubgraph[] }> {
  if (text.trim() === '') throw new Error('the supergraph file is empty (a write still in progress?)');
  const sdl = withSubgraphUrls(text, urls);
  const subgraphs = supergraphSubgraphs(sdl);
  if (subgraphs.length === 0) throw new Error('the supergraph names no subgraphs (no @join__graph); run `npm run compose`');
  // loaded on the first reload only: the gateway does not need federation's validator to start
  const { Supergraph } = await import('@apollo/federation-internals');
  try {
    Supergraph.build(sdl);
  } catch (error) {
    throw new Error(`not a valid supergraph: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { sdl, subgraphs };
}

/**
 * Polls the file's modification time (fs.watchFile: it survives editors and deploy tools that
 * replace the file by renaming, where fs.watch loses track) and hands each new text to reload,
 * one at a time. The same text twice, or a refused text again, is not reloaded twice.
 */
export function watchSupergraphFile(
  options: { path: string; pollIntervalMs?: number },
  initialText: string,
  reload: (text: string) => Promise<string | undefined>,
  logger: Logger,
): { close(): void } {
  let lastSeen = initialText;
  let running: Promise<void> = Promise.resolve();
  const onChange = () => {
    running = running.then(async () => {
      let text: string;
      try {
        text = await readFile(options.path, 'utf8');
      } catch (error) {
        logger.warn('supergraph file unreadable; still serving the previous one', { file: options.path, error: error instanceof Error ? error.message : String(error) });
        return;
      }
      if (text === lastSeen) return;
      lastSeen = text;
      await reload(text);
    });
  };
  watchFile(options.path, { interval: options.pollIntervalMs ?? 1000, persistent: false }, onChange);
  return { close: () => unwatchFile(options.path, onChange) };
}
