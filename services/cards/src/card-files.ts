import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteRuntime, SubgraphDeps, SubgraphRoute } from '@kyodo/subgraph-kit';
import { typeOfKey } from './domain/card-image.js';
import { signFileLink, verifyFileLink, type FileLink } from './domain/file-link.js';
import { imageStoreFor } from './image-store.js';

/** Where the cards service serves files, relative to its own origin (the gateway forwards it in production). */
export const FILES_PATH = '/files/';
/** How long a link handed out with a card or an export stays valid. */
export const FILE_LINK_TTL_MS = 10 * 60 * 1000;

const processSecret = randomBytes(32);

/**
 * The key that signs file links: derived from the gateway secret, which every instance of the
 * service shares (a link from one instance works on another); without one (local runs), a key
 * for this process only.
 */
export function fileLinkSecret(deps: Pick<SubgraphDeps, 'gatewaySecret'>): Buffer {
  if (!deps.gatewaySecret) return processSecret;
  return createHmac('sha256', deps.gatewaySecret).update('kyodo-cards-file-links').digest();
}

export function fileUrl(deps: Pick<SubgraphDeps, 'gatewaySecret'>, link: FileLink): string {
  return `${FILES_PATH}${signFileLink(fileLinkSecret(deps), link)}`;
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(message);
}

/** Where the export zips are kept in the image store until their link expires. */
export const EXPORTS_FOLDER = 'exports/';

/** An export zip's key carries the moment its link expires, so the sweep knows without a database row. */
export const exportKey = (id: string, expiresAt: number) => `${EXPORTS_FOLDER}${expiresAt}-${id}.zip`;

/** When the link of this export expires; null for a key without one (written before keys carried it). */
export function exportExpiryOf(key: string): number | null {
  const match = /^exports\/(\d+)-[0-9a-f-]{36}\.zip$/.exec(key);
  return match ? Number(match[1]) : null;
}

/** GET /files/<signed link>: the image or export the link names, while it has not expired (C3/C5). */
export function cardFilesRoute(runtime: RouteRuntime): SubgraphRoute {
  const secret = fileLinkSecret(runtime.deps);
  const store = imageStoreFor(runtime.deps);
  return async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://cards').pathname;
    if (!path.startsWith(FILES_PATH)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      refuse(res, 405, 'Files are fetched with GET.');
      return true;
    }
    const link = verifyFileLink(secret, path.slice(FILES_PATH.length), runtime.clock.now());
    if (link === 'invalid') {
      refuse(res, 404, 'This link is not valid.');
      return true;
    }
    if (link === 'expired') {
      refuse(res, 410, 'This link has expired; ask for the card or the export again for a new one.');
      return true;
    }
    const bytes = await store.get(link.key);
    if (!bytes) {
      refuse(res, 404, 'The file is no longer there.');
      return true;
    }
    const type = link.kind === 'export' ? 'application/zip' : typeOfKey(link.key);
    const headers: Record<string, string | number> = { 'content-type': type, 'content-length': bytes.length, 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' };
    if (link.kind === 'export') headers['content-disposition'] = 'attachment; filename="cards-export.zip"';
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : bytes);
    return true;
  };
}
