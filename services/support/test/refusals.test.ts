import { checkCatalogues } from '@kyodo/subgraph-kit';
import { DEMO, startFakeSpaces, startStack, testDialects, type FakeSpaces, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supportSubgraph } from '../src/index.js';
import { supportRefusals } from '../src/refusals/refusals.js';
import { OPEN_TICKET, ticketInput } from './support-api.js';

const DEADLINE = `query($at: DateTime!) { businessDeadline(receivedAt: $at) }`;

describe('I1: the support catalogue', () => {
  it('has Japanese and English text for every refusal, with the same placeholders', () => {
    expect(checkCatalogues(supportRefusals)).toEqual([]);
  });
});

describe.each(testDialects())("I1: support refusals in the person's language on %s", (dialect) => {
  let stack: Stack;
  let spaces: FakeSpaces;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [supportSubgraph], dialect });
    spaces = await startFakeSpaces(stack);
  });
  afterAll(async () => {
    await spaces?.close();
    await stack?.close();
  });

  it('P2: a FAX ticket is refused in Japanese for a Japanese reader and in English for an English one, with its rule and field', async () => {
    const ja = await stack.client.request(OPEN_TICKET, { input: ticketInput({ channel: 'FAX' }) }, { token: await stack.auth.tokenFor({ id: DEMO.admin.id, roles: ['ADMIN'], language: 'ja' }) });
    expect(ja.errors?.[0]).toMatchObject({
      message: 'FAX はサポートの窓口ではありません（P2）。オンラインフォーム、メール、電話、リモートセッションをご利用ください。',
      extensions: { code: 'BAD_USER_INPUT', rule: 'P2', field: 'channel' },
    });
    const en = await stack.client.request(OPEN_TICKET, { input: ticketInput({ channel: 'FAX' }) }, { token: await stack.auth.tokenFor({ id: DEMO.admin.id, roles: ['ADMIN'], language: 'en' }) });
    expect(en.errors?.[0]).toMatchObject({
      message: 'FAX is not a support channel (P2): use the online form, e-mail, phone or a remote session.',
      extensions: { code: 'BAD_USER_INPUT', rule: 'P2', field: 'channel' },
    });
  });

  it('P7: an anonymous question is answered in Japanese, or in English when Accept-Language asks for it', async () => {
    const ja = await stack.client.request(DEADLINE, { at: '9999-12-31T23:59:59Z' });
    expect(ja.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^receivedAt: サポートのカレンダーは 1970-01-01 から 2050-12-31/), extensions: { code: 'BAD_USER_INPUT', rule: 'P7', field: 'receivedAt' } });
    const en = await stack.client.request(DEADLINE, { at: '9999-12-31T23:59:59Z' }, { headers: { 'accept-language': 'en-US,en;q=0.8,ja;q=0.5' } });
    expect(en.errors?.[0]?.message).toBe(
      'receivedAt: the support calendar covers 1970-01-01 to 2050-12-31 (Asia/Tokyo), the years its national holidays are known for. Ask about a time within it.',
    );
  });
});
