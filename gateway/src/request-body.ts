import type { IncomingMessage } from 'node:http';
import getRawBody from 'raw-body';

export type BodyReading = { ok: true; body: Buffer } | { ok: false; status: 400 | 413; message: string };

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
      const size = declared === undefined ? `more than ${maxBytes} bytes` : `${declared} bytes`;
      return { ok: false, status: 413, message: `The request body is ${size}; the limit is ${maxBytes}.` };
    }
    if (type === 'request.size.invalid' || type === 'request.aborted') {
      return { ok: false, status: 400, message: 'The request body ended before its declared length.' };
    }
    throw error;
  }
}
