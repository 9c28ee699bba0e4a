import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const SECRET_FILE = 'gateway-secret';

/**
 * Development only: a random gateway credential kept in `<dataDir>/keys/gateway-secret`,
 * created on first start, so local runs need no configuration and never use a constant
 * that could leak into production. Production sets GATEWAY_SECRET.
 */
export async function loadOrCreateDevGatewaySecret(dataDir: string): Promise<string> {
  const dir = join(dataDir, 'keys');
  const file = join(dir, SECRET_FILE);
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    // 'wx': when two processes start at once, the second reads the first one's secret
    await writeFile(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return (await readFile(file, 'utf8')).trim();
    throw error;
  }
}
