import { checkCatalogues } from '@kyodo/subgraph-kit';
import { DEMO, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsSubgraph } from '../src/index.js';
import { cardsRefusals } from '../src/refusals/refusals.js';
import { startFakePeers, type FakePeers } from './fake-peers.js';

const CREATE = `mutation($input: CreateCardInput!) { createCard(input: $input) { id } }`;
const SCAN = `mutation($input: RecordScanInput!) { recordScan(input: $input) { id } }`;
const SET_IMAGE = `mutation($input: SetCardImageInput!) { setCardImage(input: $input) { id } }`;
const JOB = `status errors { line field message }`;
const START = `mutation { startCardImport(input: {}) { id } }`;
const PART = `mutation($input: AddCardImportPartInput!) { addCardImportPart(input: $input) { id } }`;
const RUN = `mutation($input: RunCardImportInput!) { runCardImport(input: $input) { id } }`;
const POLL = `query($id: ID!) { cardImportJob(id: $id) { ${JOB} } }`;

describe('I1: the cards catalogue', () => {
  it('has Japanese and English text for every refusal, with the same placeholders', () => {
    expect(checkCatalogues(cardsRefusals)).toEqual([]);
  });
});

describe.each(testDialects())('I1: cards refusals in the person\'s language on %s', (dialect) => {
  let stack: Stack;
  let peers: FakePeers;
  const t: Record<'ja' | 'en' | 'none', string> = { ja: '', en: '', none: '' };
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [cardsSubgraph], dialect });
    peers = await startFakePeers(stack);
    t.ja = await stack.auth.tokenFor({ id: DEMO.member.id, language: 'ja' });
    t.en = await stack.auth.tokenFor({ id: DEMO.member.id, language: 'en' });
    t.none = await stack.auth.tokenFor({ id: DEMO.member.id, language: null });
  });
  afterAll(async () => {
    await peers?.close();
    await stack?.close();
  });

  it('L15: a scan of 3 sides is refused in Japanese for a Japanese reader and in English for an English one, with its rule and field', async () => {
    const id = (await stack.client.data<{ createCard: { id: string } }>(CREATE, { input: { name: '言語 太郎' } }, { token: t.en })).createCard.id;
    const ja = await stack.client.request(SCAN, { input: { cardId: id, sides: 3 } }, { token: t.ja });
    expect(ja.errors?.[0]).toMatchObject({
      message: 'スキャンする面数は 1（表面）か 2（表面と裏面）です（指定値: 3）（L15）。',
      extensions: { code: 'BAD_USER_INPUT', rule: 'L15', field: 'sides' },
    });
    const en = await stack.client.request(SCAN, { input: { cardId: id, sides: 3 } }, { token: t.en });
    expect(en.errors?.[0]).toMatchObject({ message: 'A scan has 1 side (front) or 2 (front and back); it was 3 (L15).', extensions: { code: 'BAD_USER_INPUT', rule: 'L15', field: 'sides' } });
  });

  it('C1: several bad fields at once are one refusal in the reader\'s language naming the first field; a token without a language follows Accept-Language, else Japanese', async () => {
    const id = (await stack.client.data<{ createCard: { id: string } }>(CREATE, { input: { name: '画像 花子' } }, { token: t.en })).createCard.id;
    const input = { name: '複数', email: 'not-an-address', exchangedOn: '2025-13-01' };
    const ja = await stack.client.request(CREATE, { input }, { token: t.ja });
    expect(ja.errors?.[0]).toMatchObject({
      message: '名刺の入力内容に問題があります。「not-an-address」はメールアドレスではありません（email）。交換日（exchangedOn）の「2025-13-01」は日付（YYYY-MM-DD）ではありません。',
      extensions: { code: 'BAD_USER_INPUT', rule: 'C1', field: 'email' },
    });
    const en = await stack.client.request(CREATE, { input }, { token: t.none, headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.errors?.[0]?.message).toBe('The card has several problems: email "not-an-address" is not an email address. exchangedOn "2025-13-01" is not a date (YYYY-MM-DD).');
    const image = await stack.client.request(SET_IMAGE, { input: { cardId: id, side: 'FRONT', base64: 'R0lGODlh' } }, { token: t.none });
    expect(image.errors?.[0]).toMatchObject({ message: '画像は JPEG か PNG のファイルにしてください。送られたデータはどちらでもありません。', extensions: { code: 'BAD_USER_INPUT', rule: 'C1', field: 'base64' } });
  });

  it('C3: a file link that is not valid is refused in the language the browser asks for, Japanese without one', async () => {
    const origin = new URL(stack.subgraphUrls.cards!).origin;
    const ja = await fetch(`${origin}/files/not-a-link`);
    expect([ja.status, await ja.text()]).toEqual([404, 'このリンクは無効です。']);
    const en = await fetch(`${origin}/files/not-a-link`, { headers: { 'accept-language': 'en' } });
    expect([en.status, await en.text()]).toEqual([404, 'This link is not valid.']);
  });

  it('C4: an import\'s report of bad lines is written in the language of whoever ran it', async () => {
    const file = Buffer.from('氏名,メールアドレス\r\n山田 太郎,broken\r\n', 'utf8');
    const report = async (token: string) => {
      const jobId = (await stack.client.data<{ startCardImport: { id: string } }>(START, {}, { token })).startCardImport.id;
      await stack.client.data(PART, { input: { jobId, part: 0, base64: file.toString('base64') } }, { token });
      await stack.client.data(RUN, { input: { jobId, dryRun: true } }, { token });
      for (let i = 0; i < 200; i++) {
        const job = (await stack.client.data<{ cardImportJob: { status: string; errors: Array<{ line: number; field: string; message: string }> } }>(POLL, { id: jobId }, { token })).cardImportJob;
        if (job.status === 'CHECKED') return job.errors;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('the import did not finish');
    };
    expect(await report(t.ja)).toEqual([{ line: 2, field: 'email', message: '2 行目: 「broken」はメールアドレスではありません（email）。' }]);
    expect(await report(t.en)).toEqual([{ line: 2, field: 'email', message: 'line 2: email "broken" is not an email address.' }]);
  });
});
