import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';

/**
 * The reference web app (apps/web, issue 13), built by Vite into apps/web/dist and served here
 * under WEB_APP_PREFIX, same origin as /graphql: no CORS, and the app's documents are the
 * trusted ones. Client routes (/app/spaces/1) have no file: they get index.html. The mail links
 * (/invitations/accept?token=, /set-password?token=) are redirected into the app.
 */
export const WEB_APP_PREFIX = '/app/';

/** Where the gateway finds the build: gateway/src or gateway/dist -> apps/web/dist (also in the release). */
export const DEFAULT_WEB_APP_DIR = new URL('../../apps/web/dist', import.meta.url).pathname;

/** Paths the mails link to (S4 invitations, onboarding), answered by the app's screens of the same name. */
const MAIL_LINK_PATHS = new Set(['/invitations/accept', '/set-password']);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Vite names built assets `<name>-<hash>.<ext>` under assets/: their content never changes under a name. */
const HASHED_ASSET = /^assets\/.+-[A-Za-z0-9_-]{8,}\.\w+$/;

// the page loads its own script and styles and talks to /graphql on this origin, nothing else
const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

export type WebAppTarget =
  | { kind: 'redirect'; location: string }
  | { kind: 'file'; relative: string }
  | { kind: 'page' }
  | { kind: 'refused' }
  | { kind: 'none' };

/**
 * What a request target asks of the web app, decided on the raw target (before any decoding
 * normalises it): a file, the app's page, a redirect, a refusal (`..` raw or percent-encoded,
 * encoded separators, backslashes, NUL, dot-files), or nothing (not the app's path).
 */
export function webAppTarget(target: string): WebAppTarget {
  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const query = queryAt === -1 ? '' : target.slice(queryAt);
  if (MAIL_LINK_PATHS.has(path)) return { kind: 'redirect', location: `${WEB_APP_PREFIX.slice(0, -1)}${path}${query}` };
  if (path === WEB_APP_PREFIX.slice(0, -1)) return { kind: 'redirect', location: `${WEB_APP_PREFIX}${query}` };
  if (!path.startsWith(WEB_APP_PREFIX)) return { kind: 'none' };
  if (path.includes('\\') || target.includes('#')) return { kind: 'refused' };
  const segments: string[] = [];
  for (const raw of path.slice(WEB_APP_PREFIX.length).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: 'refused' };
    }
    if (segment.startsWith('.') || /[/\\\0]/.test(segment)) return { kind: 'refused' };
    segments.push(segment);
  }
  const last = segments.at(-1) ?? '';
  // a client route has no extension; a missing file with one is a 404, not the page
  if (!extname(last)) return { kind: 'page' };
  return { kind: 'file', relative: segments.join('/') };
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
  res.end(`${message}\n`);
}

async function regularFile(dir: string, relative: string): Promise<{ path: string; size: number; mtime: Date } | undefined> {
  try {
    const root = await realpath(dir);
    const path = await realpath(join(root, relative));
    // a symbolic link inside the build must not lead out of it
    if (!path.startsWith(root + sep)) return undefined;
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size, mtime: info.mtime } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Answers the web app's requests (GET/HEAD under /app/ and the mail links); false when the
 * target is not the app's, so the gateway routes it as before.
 */
export async function serveWebApp(req: IncomingMessage, res: ServerResponse, dir: string, options: { sourceMaps?: boolean } = {}): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const target = webAppTarget(req.url ?? '');
  if (target.kind === 'none') return false;
  if (target.kind === 'refused') {
    refuse(res, 400, 'Bad path.');
    return true;
  }
  if (target.kind === 'redirect') {
    res.writeHead(302, { location: target.location, 'cache-control': 'no-store' });
    res.end();
    return true;
  }
  const relative = target.kind === 'page' ? 'index.html' : target.relative;
  // production: the source maps stay on the server (they would publish the app's source)
  if (options.sourceMaps === false && extname(relative).toLowerCase() === '.map') {
    refuse(res, 404, 'Not found.');
    return true;
  }
  const file = await regularFile(dir, relative);
  if (!file) {
    if (target.kind === 'page') refuse(res, 503, 'The web app is not built: run `npm run build -w @kyodo/web` (npm start builds it when it is missing).');
    else refuse(res, 404, 'Not found.');
    return true;
  }
  const headers: Record<string, string | number> = {
    'content-type': CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'content-length': file.size,
    'x-content-type-options': 'nosniff',
    'last-modified': file.mtime.toUTCString(),
    // hashed assets never change under their name; anything else (index.html) is checked each time,
    // so a new deployment is picked up at the next load
    'cache-control': HASHED_ASSET.test(relative) ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (relative === 'index.html') {
    headers['content-security-policy'] = PAGE_CSP;
    // an invitation or password token sits in the page's URL: never pass it on as a Referer
    headers['referrer-policy'] = 'no-referrer';
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  await new Promise<void>((resolve, reject) => {
    createReadStream(file.path).on('error', reject).on('end', resolve).pipe(res);
  });
  return true;
}
