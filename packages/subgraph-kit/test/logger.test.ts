import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { runWithRequestId, withRequestIds } from '../src/request-id.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  return {
    lines,
    raw,
    destination: {
      write(chunk: string) {
        raw.push(chunk);
        lines.push(JSON.parse(chunk) as Record<string, unknown>);
      },
    },
  };
}

describe('createLogger (pino)', () => {
  it('writes one JSON line per event in the shape npm start renders: time, level by name, service, message', () => {
    const out = capture();
    const logger = createLogger('spaces', 'info', { destination: out.destination });
    logger.info('listening', { url: 'http://127.0.0.1:4001/graphql' });
    logger.debug('not at info');
    expect(out.lines).toHaveLength(1);
    expect(out.lines[0]).toMatchObject({ level: 'info', service: 'spaces', message: 'listening', url: 'http://127.0.0.1:4001/graphql' });
    expect(new Date(String(out.lines[0]!.time)).toISOString()).toBe(out.lines[0]!.time);
    expect(out.raw[0]!.endsWith('\n')).toBe(true);
  });

  it('redacts passwords, tokens, authorization headers and the gateway credential, at any depth and in any case', () => {
    const out = capture();
    const logger = createLogger('gateway', 'debug', { destination: out.destination });
    logger.error('careless', {
      password: 'demo-admin-pass',
      headers: { authorization: 'Bearer eyJ.secret', 'x-kyodo-gateway-credential': 'gw-secret-value', cookie: 'sid=1' },
      error: { input: { token: 'refresh-token-value', newPassword: 'next-pass' } },
      deep: { a: { b: { c: [{ Authorization: 'Bearer deep-secret' }] } } },
      variables: { password: 'x' },
      kept: 'visible',
    });
    const raw = out.raw.join('');
    for (const secret of ['demo-admin-pass', 'eyJ.secret', 'gw-secret-value', 'sid=1', 'refresh-token-value', 'next-pass', 'deep-secret']) expect(raw).not.toContain(secret);
    expect(out.lines[0]).toMatchObject({ password: '[redacted]', headers: { authorization: '[redacted]' }, variables: '[redacted]', kept: 'visible' });
  });

  it('leaves the caller’s detail object as it was (redaction copies)', () => {
    const out = capture();
    const detail = { headers: { authorization: 'Bearer keep-me' } };
    createLogger('cards', 'info', { destination: out.destination }).info('x', detail);
    expect(detail.headers.authorization).toBe('Bearer keep-me');
    expect(out.raw.join('')).not.toContain('keep-me');
  });

  it('stamps the request id and trace id on lines written while a request is served, and only then', () => {
    const out = capture();
    const logger = withRequestIds(createLogger('cards', 'info', { destination: out.destination }));
    runWithRequestId('req-9', () => logger.info('inside'), '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    logger.info('outside');
    expect(out.lines[0]).toMatchObject({ message: 'inside', requestId: 'req-9', traceId: '0af7651916cd43dd8448eb211c80319c' });
    expect(out.lines[1]).not.toHaveProperty('requestId');
    expect(out.lines[1]).not.toHaveProperty('traceId');
  });
});
