import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const GATEWAY = resolve(import.meta.dirname, '..');

/**
 * In a fresh Node process (the test runner's module cache would hide what a real start loads):
 * the gateway module loaded and tracing asked to start; how many OpenTelemetry SDK and exporter
 * modules Node then has in its CommonJS cache (they are CommonJS).
 */
function probe(env: Record<string, string>): { tracing: boolean; plugins: number; loaded: number } {
  const code = [
    "import Module from 'node:module';",
    "await import('./src/gateway.ts');",
    "const { startGatewayTracing } = await import('./src/tracing.ts');",
    'const tracing = await startGatewayTracing();',
    "const loaded = Object.keys(Module._cache).filter((k) => k.includes('@opentelemetry/sdk') || k.includes('@opentelemetry/exporter')).length;",
    'console.log(JSON.stringify({ tracing: Boolean(tracing), plugins: tracing?.plugins.length ?? 0, loaded }));',
  ].join('\n');
  const out = execFileSync(process.execPath, ['--conditions=development', '--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: GATEWAY,
    env: { PATH: process.env.PATH ?? '', TSX_TSCONFIG_PATH: resolve(GATEWAY, '..', 'tsconfig.base.json'), ...env },
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { tracing: boolean; plugins: number; loaded: number };
}

describe('gateway tracing (tracing.ts)', () => {
  it('without OTEL_EXPORTER_OTLP_ENDPOINT adds no plugin and loads no SDK or exporter module', () => {
    expect(probe({})).toEqual({ tracing: false, plugins: 0, loaded: 0 });
  }, 60_000);

  it('with it, Hive’s OpenTelemetry plugin and the SDK are loaded', () => {
    const started = probe({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' });
    expect(started).toMatchObject({ tracing: true, plugins: 2 });
    expect(started.loaded).toBeGreaterThan(0);
  }, 60_000);
});
