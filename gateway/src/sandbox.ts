import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { SandboxCollection } from './sandbox-guide.js';

/**
 * Hive Laboratory, served offline. `@graphql-hive/render-laboratory` bundles Monaco and
 * configures its loader with the bundled copy (so its default jsDelivr path is never
 * fetched), but it inlines ~21 MB of script into every HTML response. We serve the same
 * pieces as separate, cacheable files from this process instead: the page is a few KB and
 * names no host at all, every asset lives under SANDBOX_ASSET_PREFIX.
 */
export const SANDBOX_ASSET_PREFIX = '/sandbox-assets/';

type LaboratoryModule = typeof import('@graphql-hive/render-laboratory/laboratory');

// The bundle is large; load it on the first sandbox request, not at gateway start.
let laboratory: Promise<LaboratoryModule> | undefined;
const loadLaboratory = () => (laboratory ??= import('@graphql-hive/render-laboratory/laboratory'));

const WORKERS = {
  editorWorkerService: 'editorWorkerService',
  typescript: 'typescriptWorker',
  json: 'jsonWorker',
  graphql: 'graphqlWorker',
} as const satisfies Record<string, keyof LaboratoryModule>;

interface Asset {
  type: string;
  body: string | Buffer;
}

async function assetFor(name: string): Promise<Asset | undefined> {
  const lab = await loadLaboratory();
  if (name === 'laboratory.js') return { type: 'text/javascript; charset=utf-8', body: lab.js };
  if (name === 'favicon.svg' || name === 'favicon-dark.svg') {
    const dataUrl = name === 'favicon.svg' ? lab.favicon : lab.faviconDark;
    const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
    return { type: 'image/svg+xml', body: Buffer.from(base64, 'base64') };
  }
  const worker = /^worker-(\w+)\.js$/.exec(name)?.[1];
  if (worker && worker in WORKERS) {
    return { type: 'text/javascript; charset=utf-8', body: lab[WORKERS[worker as keyof typeof WORKERS]] };
  }
  return undefined;
}

/** Answers a request under SANDBOX_ASSET_PREFIX; false when the path names no asset. */
export async function serveSandboxAsset(pathname: string, res: ServerResponse): Promise<boolean> {
  const asset = await assetFor(pathname.slice(SANDBOX_ASSET_PREFIX.length));
  if (!asset) return false;
  res.writeHead(200, {
    'content-type': asset.type,
    // the assets change only with the installed package version; a restart is enough to refresh
    'cache-control': 'public, max-age=3600',
    'x-content-type-options': 'nosniff',
  });
  res.end(asset.body);
  return true;
}

export interface SandboxPageOptions {
  title?: string;
  /** The example operations the sandbox opens with (sandbox-guide.ts). */
  collections?: SandboxCollection[];
  /** The preflight script that signs in and sets the Authorization header (sandbox-guide.ts). */
  preflight?: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// JSON inside <script>: keep "</script>" and friends from closing the tag
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The page `GET /graphql` returns to a browser: the same boot code renderLaboratory emits, pointing at local assets. */
export function renderSandboxPage(options: SandboxPageOptions = {}): string {
  const collections = options.collections ?? [];
  // the README's query open in the first tab, ready to run
  const first = collections[0]?.operations[0];
  const props = {
    enableDocs: true,
    defaultSettings: {
      fetch: { credentials: 'same-origin' },
      // the gateway serves subscriptions over SSE (live-transport.ts), not WebSocket
      subscriptions: { protocol: 'SSE' },
    },
    defaultCollections: collections,
    ...(first ? { defaultOperations: [first], defaultTabs: [{ id: first.id, type: 'operation', data: { id: first.id, name: first.name } }], defaultActiveTabId: first.id } : {}),
    ...(options.preflight ? { defaultPreflight: { enabled: true, script: options.preflight }, defaultEnv: { variables: { demoUser: 'admin' } } } : {}),
  };
  const workers = Object.fromEntries(Object.keys(WORKERS).map((label) => [label, `${SANDBOX_ASSET_PREFIX}worker-${label}.js`]));
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? 'Kyodo sandbox')}</title>
    <link rel="icon" type="image/svg+xml" media="(prefers-color-scheme: light)" href="${SANDBOX_ASSET_PREFIX}favicon.svg" />
    <link rel="icon" type="image/svg+xml" media="(prefers-color-scheme: dark)" href="${SANDBOX_ASSET_PREFIX}favicon-dark.svg" />
    <style>html, body, #root { height: 100%; } body { margin: 0; }</style>
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to use the Kyodo sandbox.</noscript>
    <div id="root"></div>
    <script>
      const workers = ${scriptJson(workers)};
      self['MonacoEnvironment'] = {
        globalAPI: false,
        getWorkerUrl: function (_moduleId, label) {
          return workers[label] || workers.editorWorkerService;
        },
      };
    </script>
    <script src="${SANDBOX_ASSET_PREFIX}laboratory.js"></script>
    <script>
      HiveLaboratory.renderLaboratory(window.document.querySelector('#root'), ${scriptJson(props)});
    </script>
  </body>
</html>
`;
}

/**
 * The headers `GET /graphql` gets (issue 19): a CSP that lets the page run only its own inline
 * boot scripts (by hash) and the laboratory from this origin, talk to this origin only, and never
 * be framed (clickjacking); nosniff. The laboratory (React, Monaco) needs inline styles, blob:
 * workers and eval for its editors, so those are allowed; no other origin is.
 */
export function sandboxSecurityHeaders(page: string): Record<string, string> {
  const hashes = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => `'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`);
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-eval' ${hashes.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
  return { 'content-security-policy': csp, 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
}
