import type { IncomingMessage } from 'node:http';
import getRawBody from 'raw-body';
import type { GatewayRefusalKey } from './refusals/refusals.js';

/** A body read whole, or the refusal to answer (written in the caller's language by the gateway). */
export type BodyReading =
  | { ok: true; body: Buffer }
  | { ok: false; refusal: Extract<GatewayRefusalKey, 'bodyTooLarge' | 'bodyTooLargeUndeclared' | 'bodyIncomplete'>; params?: Record<string, number> };

/**
 * Reads a request body, counting bytes as they arrive (raw-body, the reader behind Express's
 * body-parser): a chunked upload, or one whose Content-Length understates it, stops at `maxBytes`
 * instead of being buffered whole, so memory per request stays bounded by the limit.
 */
export async function readBodyWithin(req: IncomingMessage, maxBytes: number): Promise<BodyReading> {
  const declared = req.headers['content-length'];
  try {
    const body = await getRawBody(req, { limit: maxBytes, length: declared === undefined ? undefined : Number(declared) });
    return { ok: true, body };
  } catch (error) {
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') {
      return declared === undefined ? { ok: false, refusal: 'bodyTooLargeUndeclared', params: { max: maxBytes } } : { ok: false, refusal: 'bodyTooLarge', params: { bytes: Number(declared), max: maxBytes } };
    }
    if (type === 'request.size.invalid' || type === 'request.aborted') {
      return { ok: false, refusal: 'bodyIncomplete' };
    }
    throw error;
  }
}
