import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ASSET_PREFIX } from '../src/index.js';
import { startTinyGateway, type TinyGateway } from './support/tiny-gateway.js';

/** Every URL an HTML page could make a browser fetch: src/href/action attributes, CSS url(), @import. */
function referencedUrls(html: string): string[] {
  const attributes = [...html.matchAll(/\b(?:src|href|action|srcset|poster|data)\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]!);
  const css = [...html.matchAll(/url\(\s*["']?([^"')]+)/gi), ...html.matchAll(/@import\s+["']([^"']+)/gi)].map((m) => m[1]!);
  return [...attributes, ...css];
}

describe('sandbox (Hive Laboratory), offline', () => {
  let gw: TinyGateway;
  let html: string;
  let headers: Headers;
  beforeAll(async () => {
    gw = await startTinyGateway();
    const response = await fetch(gw.url, { headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    html = await response.text();
    headers = response.headers;
  });
  afterAll(() => gw.close());

  it('GET /graphql has a CSP (its own inline scripts by hash, this origin only, never framed) and nosniff (issue 19)', () => {
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    for (const [, body] of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
      expect(csp).toContain(`'sha256-${createHash('sha256').update(body!).digest('base64')}'`);
    }
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('DENY');
  });

  it('serves a small page that names no host at all', () => {
    expect(html).toContain('HiveLaboratory.renderLaboratory');
    expect(html.length).toBeLessThan(10_000);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/(^|["'(\s])\/\/[a-z0-9]/i); // protocol-relative URLs
  });

  it('references only assets under its own prefix, and each of them is served', async () => {
    const urls = referencedUrls(html);
    const scriptWorkers = [...html.matchAll(new RegExp(`"(${SANDBOX_ASSET_PREFIX}[^"]+)"`, 'g'))].map((m) => m[1]!);
    const all = [...new Set([...urls, ...scriptWorkers])];
    expect(all.length).toBeGreaterThanOrEqual(7); // script, two icons, four workers
    for (const url of all) {
      expect(url.startsWith(SANDBOX_ASSET_PREFIX), url).toBe(true);
      const response = await fetch(new URL(url, gw.url));
      expect(response.status, url).toBe(200);
      await response.arrayBuffer();
    }
  });

  it('serves a laboratory bundle that uses its bundled Monaco editor, not a CDN copy', async () => {
    const response = await fetch(new URL(`${SANDBOX_ASSET_PREFIX}laboratory.js`, gw.url));
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    const js = await response.text();
    // @monaco-editor/loader defaults to jsDelivr unless configured with a monaco instance
    expect(js).toMatch(/\.config\(\{monaco:/);
    // no script, stylesheet or font is loaded from another host
    expect(js).not.toMatch(/(fonts\.googleapis|fonts\.gstatic|unpkg\.com)/);
  });

  it('answers 404 for an unknown asset and keeps GraphQL over GET working', async () => {
    expect((await fetch(new URL(`${SANDBOX_ASSET_PREFIX}nope.js`, gw.url))).status).toBe(404);
    const response = await fetch(`${gw.url}?query=${encodeURIComponent('{ people(first: 1) { id } }')}`, { headers: { accept: 'application/graphql-response+json' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { people: [{ id: 'p1' }] } });
  });
});
