import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { chooseLanguage, type RouteRuntime, type SubgraphDeps, type SubgraphRoute } from '@kyodo/subgraph-kit';
import { typeOfKey } from './domain/card-image.js';
import { signFileLink, verifyFileLink, type FileLink } from './domain/file-link.js';
import { imageStoreFor } from './image-store.js';
import { cardsRefusals, type CardsRefusalKey } from './refusals/refusals.js';

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

/** A refusal as plain text, in the language the browser asks for (I1: a link carries no token; Japanese by default). */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, key: CardsRefusalKey): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', vary: 'Accept-Language' });
  res.end(cardsRefusals.message(key, chooseLanguage(null, req.headers['accept-language'])));
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
      refuse(req, res, 405, 'fileMethodNotAllowed');
      return true;
    }
    const link = verifyFileLink(secret, path.slice(FILES_PATH.length), runtime.clock.now());
    if (link === 'invalid') {
      refuse(req, res, 404, 'fileLinkInvalid');
      return true;
    }
    if (link === 'expired') {
      refuse(req, res, 410, 'fileLinkExpired');
      return true;
    }
    const bytes = await store.get(link.key);
    if (!bytes) {
      refuse(req, res, 404, 'fileGone');
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
