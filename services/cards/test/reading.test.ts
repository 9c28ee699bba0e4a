import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stepRefusal } from '../src/domain/card-state.js';
import { parseCardText, tidyLine } from '../src/domain/card-text.js';
import { cardsSubgraph } from '../src/index.js';
import { TesseractCardReader, tesseractAvailable } from '../src/ocr/tesseract-card-reader.js';
import { startFakePeers, type FakePeers } from './fake-peers.js';

describe('C2 reading rules', () => {
  it('C2: e-mail, phones and URL by pattern; company, title and name by best effort; fax is not a phone', () => {
    const read = parseCardText('株 式 会 社 サ ン プ ル\n営業部 部長\n山 田 太 郎\nTEL 03-1234-5678\nFAX 03-1234-5679\nyamada@Sample.CO.JP\nwww.sample.co.jp\n');
    expect(read).toEqual({ company: '株式会社サンプル', title: '営業部部長', name: '山田太郎', phones: ['03-1234-5678'], email: 'yamada@sample.co.jp', url: 'https://www.sample.co.jp' });
    const en = parseCardText('Acme Trading Ltd.\nJohn Smith\nSales Manager\n\njohn.smith@acme.example.com\nTel: +81 3-1234-5678\nhttps://www.acme.example.com');
    expect(en).toEqual({ company: 'Acme Trading Ltd.', name: 'John Smith', title: 'Sales Manager', email: 'john.smith@acme.example.com', phones: ['+81 3-1234-5678'], url: 'https://www.acme.example.com' });
    expect(parseCardText('')).toEqual({ name: null, company: null, title: null, email: null, phones: [], url: null });
    expect(tidyLine('  東 京 都  港区 1-2-3 ')).toBe('東京都港区 1-2-3');
  });
  it('C2: SCANNED -> READ -> VERIFIED, each step only from the state before it', () => {
    expect(stepRefusal('read', 'SCANNED')).toBeNull();
    expect(stepRefusal('verify', 'READ')).toBeNull();
    expect(stepRefusal('read', 'READ')).toEqual({ key: 'readNeedsScanned', params: { state: 'READ' } });
    expect(stepRefusal('verify', 'SCANNED')).toEqual({ key: 'verifyNeedsRead', params: { state: 'SCANNED' } });
    expect(stepRefusal('verify', 'VERIFIED')).not.toBeNull();
  });
});

const run = promisify(execFile);
const hasTesseract = await tesseractAvailable();
// Debian's ImageMagick first: a same-named stand-in earlier on PATH is not ImageMagick
const isImageMagick = (command: string) => run(command, ['-version']).then(({ stdout }) => /^Version: ImageMagick/m.test(stdout), () => false);
const convertCommand = (await isImageMagick('/usr/bin/convert')) ? '/usr/bin/convert' : (await isImageMagick('convert')) ? 'convert' : null;
// a font file named outright: ImageMagick's default (Helvetica) needs Ghostscript's fonts, which a
// --no-install-recommends ImageMagick lacks; .ci/run installs fonts-dejavu-core
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const hasConvert = convertCommand !== null && existsSync(FONT);
if (!hasTesseract || !hasConvert) {
  console.warn(`SKIPPED the OCR tests (C2): ${hasTesseract ? '' : 'tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-jpn tesseract-ocr-eng). '}${hasConvert ? '' : 'ImageMagick convert or the DejaVu font is not installed (apt-get install imagemagick fonts-dejavu-core).'}`);
}

/** An English business card as a PNG, made by ImageMagick. */
async function englishCard(): Promise<Buffer> {
  const lines = ['Acme Trading Ltd.', 'John Smith', 'Sales Manager', 'john.smith@acme.example.com', 'Tel: +81 3-1234-5678', 'https://www.acme.example.com'];
  const args = ['-size', '1000x600', 'xc:white', '-fill', 'black', '-font', FONT, '-pointsize', '40'];
  lines.forEach((line, i) => args.push('-annotate', `+50+${90 + i * 85}`, line));
  const { stdout } = await run(convertCommand!, [...args, 'png:-'], { encoding: 'buffer', maxBuffer: 10 * 1024 * 1024 });
  return stdout;
}

describe.skipIf(!hasTesseract || !hasConvert)('C2 tesseract reader', () => {
  it('C2: reads a generated English card: the e-mail and the phone come out', async () => {
    const read = parseCardText(await new TesseractCardReader().readText(await englishCard()));
    expect(read.email).toBe('john.smith@acme.example.com');
    expect(read.phones).toContain('+81 3-1234-5678');
    expect(read.company).toBe('Acme Trading Ltd.');
  }, 60_000);
});

const CREATE = `mutation($input: CreateCardInput!) { createCard(input: $input) { id } }`;
const SET = `mutation($input: SetCardImageInput!) { setCardImage(input: $input) { id } }`;
const SCAN = `mutation($input: RecordScanInput!) { recordScan(input: $input) { id state } }`;
const READ = `mutation($id: ID!) { readCard(id: $id) { id state name company email phones url } }`;
const VERIFY = `mutation($input: VerifyCardInput!) { verifyCard(input: $input) { id state name title } }`;
const GROUP = '00000000-0000-4000-8000-0000000fe001';

describe.each(testDialects())('C2 reading and verifying on %s', (dialect) => {
  let stack: Stack;
  let peers: FakePeers;
  const t: Record<string, string> = {};
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [cardsSubgraph], dialect });
    peers = await startFakePeers(stack);
    Object.assign(t, await stack.auth.demoTokens());
    t.insider = await stack.auth.tokenFor({ id: '00000000-0000-4000-8000-0000000fe011' });
    peers.groupsByToken.set(t.insider, [GROUP]);
  });
  afterAll(async () => {
    await peers?.close();
    await stack?.close();
  });

  it('C2: illegal steps are CONFLICT: a VERIFIED card cannot be read, a SCANNED one cannot be verified', async () => {
    const id = (await stack.client.data<{ createCard: { id: string } }>(CREATE, { input: { name: 'Steps' } }, { token: t.member })).createCard.id;
    expect(errorCodes(await stack.client.request(READ, { id }, { token: t.member }))).toEqual(['CONFLICT']);
    await stack.client.data(SCAN, { input: { cardId: id, sides: 1 } }, { token: t.member });
    expect(errorCodes(await stack.client.request(VERIFY, { input: { id } }, { token: t.member }))).toEqual(['CONFLICT']);
    // no image yet: nothing to read
    expect(errorCodes(await stack.client.request(READ, { id }, { token: t.member }))).toEqual(['CONFLICT']);
  });

  it.skipIf(!hasTesseract || !hasConvert)('C2/C3: scan, read by OCR (empty fields filled), verified by an operator who sees the card; outsiders and guests cannot', async () => {
    const id = (await stack.client.data<{ createCard: { id: string } }>(CREATE, { input: { name: 'John Smith', visibleToGroupIds: [GROUP] } }, { token: t.insider })).createCard.id;
    await stack.client.data(SET, { input: { cardId: id, side: 'FRONT', base64: (await englishCard()).toString('base64') } }, { token: t.insider });
    expect((await stack.client.data<{ recordScan: { state: string } }>(SCAN, { input: { cardId: id, sides: 1 } }, { token: t.insider })).recordScan.state).toBe('SCANNED');
    expect(errorCodes(await stack.client.request(READ, { id }, { token: t.member }))).toEqual(['NOT_FOUND']);
    const read = (await stack.client.data<{ readCard: { state: string; name: string; company: string; email: string; phones: string[]; url: string } }>(READ, { id }, { token: t.insider })).readCard;
    expect(read).toMatchObject({ state: 'READ', name: 'John Smith', company: 'Acme Trading Ltd.', email: 'john.smith@acme.example.com', url: 'https://www.acme.example.com' });
    expect(read.phones).toContain('+81 3-1234-5678');
    expect(errorCodes(await stack.client.request(READ, { id }, { token: t.insider }))).toEqual(['CONFLICT']);
    expect(errorCodes(await stack.client.request(VERIFY, { input: { id } }, { token: t.member }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await stack.client.request(VERIFY, { input: { id } }, { token: t.guest }))).toEqual(['FORBIDDEN']);
    const verified = (await stack.client.data<{ verifyCard: { state: string; title: string } }>(VERIFY, { input: { id, title: 'Head of Sales' } }, { token: t.insider })).verifyCard;
    expect(verified).toMatchObject({ state: 'VERIFIED', title: 'Head of Sales' });
    expect(errorCodes(await stack.client.request(VERIFY, { input: { id } }, { token: t.insider }))).toEqual(['CONFLICT']);
  }, 60_000); // OCR by Tesseract: seconds on a busy 2-core machine
});
