import { request } from 'node:http';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webAppTarget } from '../src/web-app.js';
import { startTinyGateway, type TinyGateway } from './support/tiny-gateway.js';

const PAGE = '<!doctype html><title>Kyodo</title><div id="root"></div>';
const SCRIPT = 'console.log("app")';

/** A raw request target, sent as written: fetch() would normalise `..` away before it left. */
function rawGet(base: string, target: string, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: target, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the web app under /app/ (issue 13)', () => {
  let gw: TinyGateway;
  let root: string;
  let dist: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'kyodo-web-app-'));
    dist = join(root, 'dist');
    await mkdir(join(dist, 'assets'), { recursive: true });
    await writeFile(join(dist, 'index.html'), PAGE);
    await writeFile(join(dist, 'assets', 'index-DlXtyEwJ.js'), SCRIPT);
    await writeFile(join(dist, 'assets', 'index-DBI9tPhV.css'), 'body{}');
    await writeFile(join(dist, 'robots.txt'), 'User-agent: *');
    await writeFile(join(root, 'secret.txt'), 'outside the build');
    await symlink(join(root, 'secret.txt'), join(dist, 'assets', 'leak-AAAAAAAA.txt'));
    gw = await startTinyGateway({ webAppDir: dist });
  });
  afterAll(async () => {
    await gw?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('serves index.html at /app/ and at every client route, never cached, with a strict CSP and no Referer', async () => {
    for (const target of ['/app/', '/app/spaces/42/threads/7', '/app/invitations/accept?token=abc']) {
      const res = await rawGet(gw.url, target);
      expect(res.status, target).toBe(200);
      expect(res.body).toBe(PAGE);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('serves hashed assets with their content type, cached for a year; other files revalidate', async () => {
    const script = await rawGet(gw.url, '/app/assets/index-DlXtyEwJ.js');
    expect(script).toMatchObject({ status: 200, body: SCRIPT });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    expect((await rawGet(gw.url, '/app/assets/index-DBI9tPhV.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    const robots = await rawGet(gw.url, '/app/robots.txt');
    expect(robots.headers['cache-control']).toBe('no-cache');
    const head = await rawGet(gw.url, '/app/assets/index-DlXtyEwJ.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe(String(SCRIPT.length));
  });

  it('answers 404 (not the page) for a missing file with an extension', async () => {
    const res = await rawGet(gw.url, '/app/assets/gone-12345678.js');
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('<title>');
  });

  it.each([
    '/app/../secret.txt',
    '/app/%2e%2e/secret.txt',
    '/app/assets/..%2f..%2fsecret.txt',
    '/app/assets/%2E%2E%5Csecret.txt',
    '/app/assets\\..\\secret.txt',
    '/app/.env',
    '/app/%00.js',
    '/app/%E0%A4%A.js',
  ])('refuses %s with 400 and never reads outside the build', async (target) => {
    const res = await rawGet(gw.url, target);
    expect(res.status).toBe(400);
    expect(res.body).not.toContain('outside the build');
  });

  it('does not follow a symbolic link out of the build', async () => {
    const res = await rawGet(gw.url, '/app/assets/leak-AAAAAAAA.txt');
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('outside the build');
  });

  it('redirects /app and the mail links (S4 invitation, onboarding) into the app, keeping the token', async () => {
    expect(await rawGet(gw.url, '/app')).toMatchObject({ status: 302, headers: { location: '/app/' } });
    expect(await rawGet(gw.url, '/invitations/accept?token=t0k3n')).toMatchObject({ status: 302, headers: { location: '/app/invitations/accept?token=t0k3n' } });
    expect(await rawGet(gw.url, '/set-password?token=t0k3n')).toMatchObject({ status: 302, headers: { location: '/app/set-password?token=t0k3n' } });
  });

  it('leaves /graphql to the gateway', async () => {
    expect((await gw.post({ query: '{ __typename }' })).body).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('source maps (issue 19, item 8)', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'kyodo-web-app-maps-'));
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), PAGE);
    await writeFile(join(root, 'assets', 'index-DlXtyEwJ.js'), `${SCRIPT}\n//# sourceMappingURL=index-DlXtyEwJ.js.map`);
    await writeFile(join(root, 'assets', 'index-DlXtyEwJ.js.map'), '{"version":3,"sources":["../src/secret-logic.ts"]}');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('production (webAppSourceMaps: false) answers 404 for a .map and still serves the script; development serves it', async () => {
    const production = await startTinyGateway({ webAppDir: root, webAppSourceMaps: false });
    try {
      const map = await rawGet(production.url, '/app/assets/index-DlXtyEwJ.js.map');
      expect(map.status).toBe(404);
      expect(map.body).not.toContain('secret-logic');
      expect((await rawGet(production.url, '/app/assets/INDEX-DlXtyEwJ.JS.MAP')).status).toBe(404);
      expect((await rawGet(production.url, '/app/assets/index-DlXtyEwJ.js')).status).toBe(200);
    } finally {
      await production.close();
    }
    const development = await startTinyGateway({ webAppDir: root });
    try {
      expect((await rawGet(development.url, '/app/assets/index-DlXtyEwJ.js.map')).status).toBe(200);
    } finally {
      await development.close();
    }
  });
});

describe('a gateway without a build', () => {
  it('says how to build the app instead of serving an empty page', async () => {
    const gw = await startTinyGateway({ webAppDir: join(tmpdir(), 'kyodo-no-such-web-app') });
    try {
      const res = await rawGet(gw.url, '/app/cards');
      expect(res.status).toBe(503);
      expect(res.body).toContain('npm run build -w @kyodo/web');
    } finally {
      await gw.close();
    }
  });
});

describe('webAppTarget', () => {
  it('tells files, client routes, redirects and other paths apart', () => {
    expect(webAppTarget('/app/assets/a-12345678.js')).toEqual({ kind: 'file', relative: 'assets/a-12345678.js' });
    expect(webAppTarget('/app/cards?search=%E7%94%B0')).toEqual({ kind: 'page' });
    expect(webAppTarget('/graphql')).toEqual({ kind: 'none' });
    expect(webAppTarget('/application')).toEqual({ kind: 'none' });
    expect(webAppTarget('/invitations/accept?token=x')).toEqual({ kind: 'redirect', location: '/app/invitations/accept?token=x' });
  });
});
