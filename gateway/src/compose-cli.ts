import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { composeSupergraph } from './compose.js';
import { subgraphDefinitions } from './subgraphs.js';
import { DEFAULT_SUPERGRAPH_PATH, supergraphFileText } from './supergraph-file.js';

// `npm run compose`: builds every subgraph schema in-process; no server or database needed.
try {
  const supergraph = await composeSupergraph(subgraphDefinitions);
  await writeFile(DEFAULT_SUPERGRAPH_PATH, supergraphFileText(supergraph));
  process.stdout.write(`Wrote ${relative(process.cwd(), DEFAULT_SUPERGRAPH_PATH) || DEFAULT_SUPERGRAPH_PATH} (${subgraphDefinitions.map((d) => d.name).join(', ')})\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
