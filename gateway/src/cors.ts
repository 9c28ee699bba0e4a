/** The shape Yoga's `cors` factory returns (graphql-yoga is not a direct dependency). */
export type CorsDecision = false | { origin: string[]; credentials: true; methods: string[]; allowedHeaders: string[]; maxAge: number };

/** Whether an Origin is on the allow-list (exact; the opaque `null` never is): the one rule the engine's CORS and the query lane read. */
export function corsOriginAllowed(allowed: readonly string[]): (origin: string) => boolean {
  const origins = new Set(allowed.map((origin) => origin.trim()).filter((origin) => origin && origin !== 'null'));
  return (origin) => origins.has(origin);
}

/**
 * CORS from an allow-list of exact origins. Yoga's default reflects any Origin with
 * credentials allowed, which lets every web page act with a signed-in user's cookies or
 * tokens; here an origin not on the list gets no CORS headers at all, and the opaque `null`
 * origin (sandboxed iframes, file: pages, some redirects) is never allowed, even if listed.
 */
export function corsOptionsFor(allowed: readonly string[]): (request: Request) => CorsDecision {
  const isAllowed = corsOriginAllowed(allowed);
  return (request) => {
    const origin = request.headers.get('origin');
    if (!origin || !isAllowed(origin)) return false;
    return {
      origin: [origin],
      credentials: true,
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'accept', 'x-request-id'],
      maxAge: 600,
    };
  };
}
