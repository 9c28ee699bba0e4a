// `npm start` runs each service from one esbuild bundle of its TypeScript source, made on every
// start (about a second for all five), instead of through tsx: tsx compiles and resolves each of
// a service's hundreds of files as Node loads them, which made `npm start` take twice as long as
// the built release. The bundle holds the repository's own code (the service and the @kyodo/*
// packages, `development` condition: their src/); every dependency stays an import of the file
// Node would load from that source file, so nothing in node_modules is copied or changed.
import { builtinModules } from 'node:module';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where a service's bundle is written: ignored by git, gone with node_modules. */
export function bundlePath(root, dir) {
  return join(root, 'node_modules', '.cache', 'kyodo-start', dir, 'main.mjs');
}

const BUILTINS = new Set(builtinModules);
const isBuiltin = (path) => path.startsWith('node:') || BUILTINS.has(path) || BUILTINS.has(path.split('/')[0]);
const isBare = (path) => !path.startsWith('.') && !path.startsWith('/');

/**
 * The repository's own files keep their own import.meta.url/dirname/filename (a module finds
 * files next to it: the supergraph, the repository root), as if Node had loaded the .ts file.
 */
function sourceLocations(root) {
  return {
    name: 'kyodo-source-locations',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
        if (args.path.includes(`${join('/', 'node_modules', '/')}`) || relative(root, args.path).startsWith('..')) return undefined;
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta.')) return undefined;
        const contents = text
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
          .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
          .replaceAll('import.meta.filename', JSON.stringify(args.path));
        return { contents, loader: 'ts' };
      });
    },
  };
}

/**
 * Dependencies stay outside the bundle, each as the absolute path of the file it resolves to from
 * the importing source file: a workspace with its own copy of a package (nested node_modules)
 * keeps it, as it would when Node loads the source.
 */
function externalDependencies() {
  return {
    name: 'kyodo-external-dependencies',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind === 'entry-point' || args.pluginData?.resolving || !isBare(args.path)) return undefined;
        if (isBuiltin(args.path)) return { path: args.path, external: true };
        if (args.path.startsWith('@kyodo/')) return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { resolving: true } });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        return { path: resolved.path, external: true };
      });
    },
  };
}

/**
 * Bundles each workspace's src/main.ts to bundlePath(). Resolves to the bundles' paths; rejects
 * with esbuild's messages (file and line) when the source does not compile.
 */
export async function bundleServices({ root, dirs }) {
  const esbuild = await import('esbuild');
  const bundle = async (dir) => {
    const result = await esbuild.build({
      entryPoints: [join(root, dir, 'src', 'main.ts')],
      outdir: dirname(bundlePath(root, dir)),
      entryNames: '[name]',
      outExtension: { '.js': '.mjs' },
      // a dynamic import() stays a separate chunk, loaded when it runs: each main.ts starts tracing
      // first and only then imports the subgraph, so the dependencies it instruments (http, graphql,
      // mysql2) must not be hoisted into the entry file's static imports
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      write: false,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: `node${process.versions.node.split('.')[0]}`,
      // what tsx read: decorators, class fields and the `development` condition for @kyodo/*
      tsconfig: join(root, 'tsconfig.base.json'),
      conditions: ['development'],
      sourcemap: true,
      // the sources' own names in stack traces and error messages (class names are shown to people)
      keepNames: true,
      logLevel: 'silent',
      plugins: [externalDependencies(), sourceLocations(root)],
    });
    // written aside and renamed over: another `npm start` (a test's, next to a developer's) may be
    // loading the previous bundle at this moment, and never sees half a file
    for (const file of result.outputFiles) {
      await mkdir(dirname(file.path), { recursive: true });
      const aside = `${file.path}.${process.pid}.tmp`;
      await writeFile(aside, file.contents);
      await rename(aside, file.path);
    }
  };
  try {
    await Promise.all(dirs.map(bundle));
  } finally {
    // esbuild's helper process would otherwise stay beside the services (65 MB) until npm start ends
    await esbuild.stop();
  }
  return dirs.map((dir) => bundlePath(root, dir));
}
