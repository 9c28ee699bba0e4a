import { randomBytes } from 'node:crypto';
import { loadOrCreateDevSecretFile } from '@kyodo/auth';

/**
 * Development only: a random gateway credential kept in `<dataDir>/keys/gateway-secret`,
 * created on first start. Production sets GATEWAY_SECRET.
 */
export async function loadOrCreateDevGatewaySecret(dataDir: string): Promise<string> {
  return loadOrCreateDevSecretFile(dataDir, 'gateway-secret', () => randomBytes(32).toString('base64url'));
}
