// Called by deploy/build-release.sh for a service's release (gateway or a subgraph), after the
// release's folder is assembled and pruned: bundles the service's built JavaScript (its dist/ and
// the @kyodo/* packages' dist/, with their dependencies) into the service's dist/ with esbuild,
// then deletes from the release's node_modules every package the bundle does not load.
//
// Kept outside the bundle (and so in node_modules, with what they depend on):
// - native modules (better-sqlite3),
// - what OpenTelemetry instruments by module name (graphql, mysql2: an instrumentation patches a
//   module as Node loads it, so a bundled copy would go untraced) and its ESM loader hook
//   (import-in-the-middle, registered by path),
// - TypeORM and reflect-metadata (TypeORM loads its drivers by name; decorators' metadata lives
//   in one registry).
// Everything else (Apollo, Hive, type-graphql, zod, pino, the OpenTelemetry SDK...) is in the
// bundle, once, without the duplicate nested copies and the unused esm/esnext/src builds npm
// installs. The OpenTelemetry SDK and the service's subgraph stay in chunks of their own, loaded
// when main.ts imports them (tracing first), as they are from dist/.
//
// Usage: node deploy/bundle-release.mjs <release folder> <workspace folder, e.g. services/spaces>
import { existsSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';

const [release, workspace] = process.argv.slice(2);
if (!release || !workspace) {
  console.error('usage: node deploy/bundle-release.mjs <release folder> <workspace folder>');
  process.exit(2);
}

// pdfkit (licensing's invoice PDFs, Q1) reads its font metrics and colour profiles from files
// beside its own code (`__dirname + '/data/...'`), which a bundled copy would not find
const EXTERNAL = ['better-sqlite3', 'mysql2', 'graphql', 'typeorm', 'reflect-metadata', 'import-in-the-middle', 'pdfkit'];
/** Native modules under a scope (argon2's binary comes in a package per platform). */
/** The one weight of Noto Sans JP the invoice PDF uses: the package ships nine (about 50 MB). */
const INVOICE_FONT = { package: '@expo-google-fonts/noto-sans-jp', keep: ['package.json', '400Regular'] };
const EXTERNAL_SCOPES = ['@node-rs/'];
const external = (name) => EXTERNAL.includes(name) || EXTERNAL_SCOPES.some((scope) => name.startsWith(scope));
const packageOf = (path) => (path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0]);
const isBuiltin = (path) => builtinModules.includes(path) || builtinModules.includes(path.split('/')[0]);
const isBare = (path) => !path.startsWith('.') && !path.startsWith('/') && !path.startsWith('node:');

/** The folder of package `name` that holds `file`. */
function packageDirOf(file, name) {
  const marker = `${sep}node_modules${sep}${name.split('/').join(sep)}${sep}`;
  const at = file.lastIndexOf(marker);
  return at < 0 ? undefined : file.slice(0, at + marker.length - 1);
}

const nativeCache = new Map();
/** Whether a package holds a `.node` file (its own native module), a few folders deep. */
function hasNativeBinary(dir) {
  if (!dir) return false;
  if (nativeCache.has(dir)) return nativeCache.get(dir);
  const search = (folder, depth) =>
    readdirSync(folder, { withFileTypes: true }).some(
      (entry) => (entry.isFile() && entry.name.endsWith('.node')) || (entry.isDirectory() && entry.name !== 'node_modules' && depth < 3 && search(join(folder, entry.name), depth + 1)),
    );
  const found = search(dir, 0);
  nativeCache.set(dir, found);
  return found;
}

/**
 * The release's own files (not node_modules) keep their import.meta.url/dirname/filename relative
 * to where they were in the release (packages/subgraph-kit/dist/registry.js finds the repository
 * root, gateway/dist/ finds the supergraph and the web app): every output file, the entry and
 * its chunks, sits in the service's dist/ and knows where the release's root is from its own URL.
 */
function releaseLocations(root, rootFromDist) {
  return {
    name: 'kyodo-release-locations',
    setup(build) {
      build.onLoad({ filter: /\.js$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.')) return undefined;
        const rel = relative(root, args.path).split(sep).join('/');
        const url = `new URL(${JSON.stringify(rel)}, new URL(${JSON.stringify(rootFromDist)}, import.meta.url)).href`;
        const contents = text
          .replaceAll('import.meta.url', url)
          .replaceAll('import.meta.dirname', `__kyodoDirname(${url})`)
          .replaceAll('import.meta.filename', `__kyodoFilename(${url})`);
        return { contents, loader: 'js' };
      });
    },
  };
}

const esbuild = await import('esbuild');
const distDir = join(release, workspace, 'dist');
const entry = join(distDir, 'main.js');
const rootFromDist = `${relative(distDir, release).split(sep).join('/')}/`;
const result = await esbuild.build({
  entryPoints: { main: entry },
  outdir: `${distDir}.bundle`,
  bundle: true,
  splitting: true,
  chunkNames: '[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: `node${process.versions.node.split('.')[0]}`,
  // CommonJS dependencies inside an ESM bundle still `require` the externals and Node's modules
  banner: {
    js: [
      "import { createRequire as __kyodoCreateRequire } from 'node:module';",
      "import { fileURLToPath as __kyodoFileURLToPath } from 'node:url';",
      "import { dirname as __kyodoPathDirname } from 'node:path';",
      'const require = __kyodoCreateRequire(import.meta.url);',
      'const __kyodoFilename = (url) => __kyodoFileURLToPath(url);',
      'const __kyodoDirname = (url) => __kyodoPathDirname(__kyodoFileURLToPath(url));',
    ].join('\n'),
  },
  // class names are shown to people (error messages, GraphQL type names from type-graphql)
  keepNames: true,
  // file and line in stack traces; not the sources themselves (they would double the release)
  sourcemap: 'linked',
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
  plugins: [
    releaseLocations(release, rootFromDist),
    {
      name: 'kyodo-release-externals',
      setup(build) {
        build.onResolve({ filter: /.*/ }, async (args) => {
          if (!isBare(args.path) || args.pluginData?.resolving) return undefined;
          if (external(packageOf(args.path))) return { path: args.path, external: true };
          // an optional dependency that is not installed (type-graphql's class-validator): left
          // as an import, which fails only if it ever runs, as it would unbundled
          const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { resolving: true } });
          if (resolved.errors.length > 0) return { path: args.path, external: true };
          // a package with a native binary of its own (Hive's query planner) stays a package
          return hasNativeBinary(packageDirOf(resolved.path, packageOf(args.path))) ? { path: args.path, external: true } : undefined;
        });
      },
    },
  ],
});

// the bundle replaces every workspace's dist/ (the service's own included)
const workspaces = JSON.parse(readFileSync(join(release, 'package.json'), 'utf8')).workspaces;
for (const folder of workspaces) rmSync(join(release, folder, 'dist'), { recursive: true, force: true });
renameSync(`${distDir}.bundle`, distDir);

// ---- node_modules: the externals the bundle imports, and what they depend on, nothing else
const imported = new Set();
for (const output of Object.values(result.metafile.outputs)) {
  for (const imp of output.imports) if (imp.external && isBare(imp.path) && !isBuiltin(imp.path)) imported.add(packageOf(imp.path));
}
// loaded by name at run time where esbuild cannot see it: the SQLite driver (database.ts hands it
// to TypeORM) and TypeORM's MySQL driver in a subgraph; in the gateway, Hive's query planner (a
// native module, `import(moduleName)`) and the transports Hive loads by name for each subgraph
// (`@graphql-mesh/transport-<kind>`); kept wherever a workspace of the release resolves them
// (`@graphql-mesh/transport-<kind>`); in licensing, the Japanese font its invoice PDFs embed
// (a file resolved by path, services/licensing/src/invoice-pdf.ts)
const loadedByName = workspace.startsWith('services/')
  ? ['better-sqlite3', 'mysql2', ...(workspace === 'services/licensing' ? [INVOICE_FONT.package] : [])]
  : ['@graphql-hive/router-query-planner', '@graphql-mesh/transport-http', '@graphql-mesh/transport-ws', '@graphql-mesh/transport-http-callback'];
for (const name of loadedByName) imported.add(name);
const releaseRoot = realpathSync(release);
const keep = new Set();
/** Keeps a package and what it depends on; false when `name` is not installed where `fromDir` looks. */
const visit = (name, fromDir) => {
  // Node's lookup path (node_modules of each folder up), within the release only; by folder, not
  // require.resolve: a package's exports may hide its package.json
  let dir;
  for (let d = fromDir; ; d = dirname(d)) {
    const candidate = join(d, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) {
      dir = realpathSync(candidate);
      break;
    }
    if (d === releaseRoot || dirname(d) === d) return false; // e.g. an optional dependency that is not installed
  }
  if (keep.has(dir)) return true;
  keep.add(dir);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dep, dir);
  for (const dep of Object.keys(pkg.peerDependencies ?? {})) if (!pkg.peerDependenciesMeta?.[dep]?.optional) visit(dep, dir);
  return true;
};
// the bundle's files resolve from the workspace folders they were in: the service's and the packages'
for (const name of imported) {
  for (const folder of workspaces) if (visit(name, realpathSync(join(release, folder)))) break;
}

let removed = 0;
const prune = (nodeModules) => {
  if (!existsSync(nodeModules)) return;
  for (const entry of readdirSync(nodeModules)) {
    const path = join(nodeModules, entry);
    if (entry === '.package-lock.json') continue;
    if (entry === '.bin' || entry === '.cache') {
      rmSync(path, { recursive: true, force: true });
      continue;
    }
    if (entry.startsWith('@') && statSync(path).isDirectory()) {
      prune(path);
      if (readdirSync(path).length === 0) rmSync(path, { recursive: true, force: true });
      continue;
    }
    if (!keep.has(realpathSync(path))) {
      rmSync(path, { recursive: true, force: true });
      removed++;
      continue;
    }
    prune(join(path, 'node_modules'));
  }
};
prune(join(release, 'node_modules'));
for (const folder of workspaces) prune(join(release, folder, 'node_modules'));
// packages' own copies of other platforms' prebuilt binaries (better-sqlite3 ships eight)
const platform = `${process.platform}-${process.arch}`;
for (const dir of keep) {
  const prebuilds = join(dir, 'prebuilds');
  if (!existsSync(prebuilds)) continue;
  for (const file of readdirSync(prebuilds)) {
    if (!file.startsWith(`${platform}.`)) rmSync(join(prebuilds, file), { recursive: true, force: true });
  }
}
// the font package: only the weight the invoice PDF embeds
for (const dir of keep) {
  if (!dir.endsWith(join('node_modules', ...INVOICE_FONT.package.split('/')))) continue;
  for (const entry of readdirSync(dir)) if (!INVOICE_FONT.keep.includes(entry)) rmSync(join(dir, entry), { recursive: true, force: true });
}
console.error(`==> bundle-release: ${workspace}: bundled into ${relative(release, distDir)}; node_modules keeps ${keep.size} packages (${[...imported].sort().join(', ')} and their dependencies), removed ${removed}`);
