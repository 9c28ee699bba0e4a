/**
 * The request target the gateway accepts: origin-form only (`/path?query`, RFC 9112 3.2.1).
 * Absolute-form (`http://host/path`) and authority-form (`//host/path`, `host:port`) targets are
 * what a forward proxy takes; the gateway is not one, and resolving such a target against a
 * subgraph URL would send the request (with the gateway credential) to the host it names.
 */
export function isOriginForm(target: string | undefined): target is string {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//');
}

/** Dot segments and separators that could climb out of a route's prefix once some server decodes them. */
const ESCAPING_SEGMENT = /^\.{1,2}$/;

/**
 * The URL a download request is forwarded to: the subgraph's origin, plus the request's path
 * and query, and nothing else. Returns undefined for a target that is not origin-form, leaves
 * `prefix`, or hides a way out of it (`..` raw or percent-encoded, backslashes, encoded slashes),
 * which the caller refuses with 400 instead of guessing what was meant.
 */
export function fileForwardTarget(target: string | undefined, prefix: string, subgraphUrl: string): URL | undefined {
  if (!isOriginForm(target) || target.includes('#')) return undefined;
  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const query = queryAt === -1 ? '' : target.slice(queryAt);
  if (!path.startsWith(prefix) || path.includes('\\')) return undefined;
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return undefined; // malformed percent-encoding
    }
    if (ESCAPING_SEGMENT.test(decoded) || decoded.includes('/') || decoded.includes('\\')) return undefined;
  }
  const forward = new URL(new URL(subgraphUrl).origin);
  forward.pathname = path;
  forward.search = query;
  // belt and braces: the result names the configured origin and still sits under the prefix
  if (forward.origin !== new URL(subgraphUrl).origin || !forward.pathname.startsWith(prefix)) return undefined;
  return forward;
}
