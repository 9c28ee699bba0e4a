import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const KIT = resolve(import.meta.dirname, '..');
const ROOT = resolve(KIT, '..', '..');

/**
 * In a fresh Node process (the test runner's module cache would hide what a real start loads):
 * the kit loaded and tracing asked to start; which OpenTelemetry SDK and instrumentation modules
 * Node then has in its CommonJS cache (they are all CommonJS).
 */
function probe(env: Record<string, string>): { tracing: boolean; loaded: number } {
  const code = [
    "import Module from 'node:module';",
    "await import('@kyodo/subgraph-kit');",
    "const { startSubgraphTracing } = await import('@kyodo/subgraph-kit/tracing-start');",
    "const tracing = await startSubgraphTracing('kyodo-probe');",
    "const loaded = Object.keys(Module._cache).filter((k) => k.includes('@opentelemetry/sdk') || k.includes('instrumentation-')).length;",
    'await tracing?.shutdown();',
    'console.log(JSON.stringify({ tracing: Boolean(tracing), loaded }));',
  ].join('\n');
  const out = execFileSync(process.execPath, ['--conditions=development', '--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: KIT,
    env: { PATH: process.env.PATH ?? '', TSX_TSCONFIG_PATH: resolve(ROOT, 'tsconfig.base.json'), ...env },
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { tracing: boolean; loaded: number };
}

describe('subgraph tracing (tracing-start.ts)', () => {
  it('without OTEL_EXPORTER_OTLP_ENDPOINT starts nothing and loads no SDK or instrumentation module', () => {
    expect(probe({})).toEqual({ tracing: false, loaded: 0 });
  }, 60_000);

  it('with it, starts the Node SDK and its instrumentations', () => {
    // port 9 (discard): nothing is exported, the SDK is only started and shut down
    const started = probe({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' });
    expect(started.tracing).toBe(true);
    expect(started.loaded).toBeGreaterThan(0);
  }, 60_000);
});
