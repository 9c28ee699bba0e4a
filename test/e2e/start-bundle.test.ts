import { readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundlePath, bundleServices } from '../../scripts/start-bundle.mjs';

/**
 * `npm start` runs each service from an esbuild bundle of its source (scripts/start-bundle.mjs).
 * The bundle must behave like the source loaded by Node: files found next to a module stay
 * found, and every dependency is the very file Node would load from that source file.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');

describe('npm start: the esbuild bundle of a service', () => {
  it('keeps each source file\'s own import.meta.url and leaves dependencies outside, as resolved from the source', async () => {
    const [path] = await bundleServices({ root: ROOT, dirs: ['gateway'] });
    expect(path).toBe(bundlePath(ROOT, 'gateway'));
    // the entry and the chunks it loads (each dynamic import is its own chunk, loaded when it runs)
    const files = new Set([path!]);
    for (const file of files) {
      for (const m of (await readFile(file, 'utf8')).matchAll(/(?:from |import\()"(\.{1,2}\/[^"]+)"/g)) files.add(resolve(dirname(file), m[1]!));
    }
    expect(files.size, 'the tracing-first entry loads the rest as a chunk').toBeGreaterThan(1);
    const code = (await Promise.all([...files].map((file) => readFile(file, 'utf8')))).join('\n');
    // supergraph-file.ts finds gateway/supergraph.graphql next to itself; registry.ts the repository root
    expect(code).toContain(JSON.stringify(pathToFileURL(join(ROOT, 'gateway/src/supergraph-file.ts')).href));
    expect(code).toContain(JSON.stringify(pathToFileURL(join(ROOT, 'packages/subgraph-kit/src/registry.ts')).href));
    expect(code).not.toMatch(/import\.meta\.(url|dirname|filename)/);
    const imports = [...code.matchAll(/from "([^"]+)"/g)].map((m) => m[1]!).filter((specifier) => !specifier.startsWith('.'));
    expect(imports.length).toBeGreaterThan(5);
    for (const specifier of imports) expect(specifier.startsWith('node:') || specifier.startsWith(join(ROOT, 'node_modules'))).toBe(true);
    // the gateway runtime, never the CLI package with its plugins, and no subgraph code
    expect(imports).toContain(join(ROOT, 'node_modules/@graphql-hive/gateway-runtime/dist/index.js'));
    expect(imports.some((s) => s.includes('/@graphql-hive/gateway/'))).toBe(false);
    expect(code).not.toMatch(/services\/(spaces|licensing|cards|support)\/src/);
  });

  it('refuses source that does not compile, naming the file', async () => {
    const dir = 'test/e2e/__bundle-fixture__';
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(join(ROOT, dir, 'src'), { recursive: true });
    try {
      await writeFile(join(ROOT, dir, 'src', 'main.ts'), 'const x: number = ;\n');
      await expect(bundleServices({ root: ROOT, dirs: [dir] })).rejects.toMatchObject({ errors: [expect.objectContaining({ location: expect.objectContaining({ file: expect.stringContaining('main.ts') }) })] });
    } finally {
      await rm(join(ROOT, dir), { recursive: true, force: true });
    }
  });
});
