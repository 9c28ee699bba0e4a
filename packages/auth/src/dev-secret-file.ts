import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Development only: a secret kept in `<dataDir>/keys/<fileName>`, made by `generate` on first
 * start, so local runs need no configuration and never use a constant that could leak into
 * production. Production configures every secret from the environment.
 */
export async function loadOrCreateDevSecretFile(dataDir: string, fileName: string, generate: () => string): Promise<string> {
  const dir = join(dataDir, 'keys');
  const file = join(dir, fileName);
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dir, { recursive: true });
  const secret = generate();
  try {
    // 'wx': when two processes start at once, the second reads the first one's secret
    await writeFile(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return (await readFile(file, 'utf8')).trim();
    throw error;
  }
}
