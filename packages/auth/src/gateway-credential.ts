import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The gateway adds this header to every subgraph request. In production a subgraph refuses
 * any request without it, so a subgraph reached directly answers nothing, `_entities` included.
 */
export const GATEWAY_CREDENTIAL_HEADER = 'x-kyodo-gateway-credential';

export function isValidGatewayCredential(expected: string, received: string | null | undefined): boolean {
  if (!expected || !received) return false;
  // hash both so the comparison is constant-time whatever the lengths
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(received).digest();
  return timingSafeEqual(a, b);
}
