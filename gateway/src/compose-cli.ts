import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { composeSupergraphFromSdl, fetchPublishedSchemas, readPublishedSchemas } from './compose.js';
import { registeredSubgraphs, SUBGRAPH_URL_ENV } from './subgraphs.js';
import { DEFAULT_SUPERGRAPH_PATH, supergraphFileText } from './supergraph-file.js';

// `npm run compose`: composes the subgraphs listed in subgraphs.json from their published
// services/<name>/schema.graphql files (never their code); `-- --from-urls` reads each running
// subgraph's `_service { sdl }` instead (URLs from SPACES_URL... or the default ports).
const fromUrls = process.argv.includes('--from-urls');
try {
  const subgraphs = registeredSubgraphs();
  const urls = Object.fromEntries(Object.entries(SUBGRAPH_URL_ENV).flatMap(([name, key]) => (process.env[key] ? [[name, process.env[key]]] : [])));
  const sources = fromUrls ? await fetchPublishedSchemas(subgraphs, urls, process.env.GATEWAY_SECRET) : await readPublishedSchemas(subgraphs);
  await writeFile(DEFAULT_SUPERGRAPH_PATH, supergraphFileText(composeSupergraphFromSdl(sources)));
  process.stdout.write(
    `Wrote ${relative(process.cwd(), DEFAULT_SUPERGRAPH_PATH) || DEFAULT_SUPERGRAPH_PATH} from ${fromUrls ? 'the running subgraphs' : 'the published schemas'} (${subgraphs.map((s) => s.name).join(', ')})\n`,
  );
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
