import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { taxByRateOf } from './domain/invoices.js';
import { InvoiceKind, type Invoice, type InvoiceLine } from './entities/invoice.entity.js';

/**
 * Noto Sans JP (SIL Open Font License 1.1), installed with the project from the npm registry
 * (@expo-google-fonts/noto-sans-jp), never fetched at run time; read once per process. PDFKit
 * embeds only the glyphs a document uses.
 */
let fontBytes: Buffer | undefined;
function japaneseFont(): Buffer {
  fontBytes ??= readFileSync(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'));
  return fontBytes;
}

const yenText = (amount: number) => `${amount < 0 ? '-' : ''}¥${Math.abs(amount).toLocaleString('en-US')}`;
const periodText = (line: Pick<InvoiceLine, 'periodFrom' | 'periodTo'>) => (line.periodFrom || line.periodTo ? `${line.periodFrom ?? ''} – ${line.periodTo ?? ''}` : '—');

/**
 * Q1: the invoice (or credit note) as a PDF, Japanese first and English second, from the
 * stored snapshot only (number, issuer, recipient, lines): the same invoice always renders the
 * same document, whatever the configuration is today. Shows the six Q1 items: issuer name and
 * registration number, issue date, lines with their periods, the total per tax rate with the
 * rate, the tax per rate, and the recipient's name; and the invoice number.
 */
export async function renderInvoicePdf(invoice: Invoice, lines: readonly InvoiceLine[], corrects: Pick<Invoice, 'number' | 'issuedOn'> | null = null): Promise<Buffer> {
  const credit = invoice.kind === InvoiceKind.CREDIT_NOTE;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: `${credit ? '適格返還請求書 Credit note' : '適格請求書 Qualified invoice'} ${invoice.number ?? ''}`, Author: invoice.issuerName ?? 'Kyodo', CreationDate: new Date(`${invoice.issuedOn}T00:00:00+09:00`) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('jp', japaneseFont());
  doc.font('jp');

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.fontSize(18).text(credit ? '適格返還請求書（赤伝）' : '適格請求書', { align: 'center' });
  doc.fontSize(10).text(credit ? 'Credit note (qualified return invoice)' : 'Qualified invoice', { align: 'center' });
  doc.moveDown();
  doc.fontSize(10);
  doc.text(`請求書番号 Invoice number: ${invoice.number ?? '—'}`);
  doc.text(`発行日 Issue date: ${invoice.issuedOn}`);
  if (credit && corrects) doc.text(`訂正対象の請求書 Corrects invoice: ${corrects.number ?? '—'} (${corrects.issuedOn})`);
  if (credit && invoice.reason) doc.text(`訂正理由 Reason: ${invoice.reason}`);
  doc.moveDown();
  doc.fontSize(12).text(`宛先 To: ${invoice.recipientName ?? '—'} 御中`);
  doc.moveDown(0.5);
  doc.fontSize(10).text(`発行者 Issuer: ${invoice.issuerName ?? '—'}`);
  doc.text(`登録番号 Registration number: ${invoice.issuerRegistrationNumber ?? '—'}`);
  doc.moveDown();

  // lines: description, period, quantity, unit price, amount, tax rate
  const columns = [
    { title: '品目 Item', width: 0.3 },
    { title: '期間 Period', width: 0.24 },
    { title: '数量 Qty', width: 0.09, right: true },
    { title: '単価 Unit', width: 0.12, right: true },
    { title: '金額 Amount', width: 0.15, right: true },
    { title: '税率 Rate', width: 0.1, right: true },
  ];
  const row = (cells: string[]) => {
    const top = doc.y;
    let x = left;
    let bottom = top;
    cells.forEach((cell, i) => {
      const column = columns[i]!;
      const w = column.width * width;
      doc.text(cell, x, top, { width: w - 4, align: column.right ? 'right' : 'left' });
      bottom = Math.max(bottom, doc.y);
      x += w;
    });
    doc.y = bottom + 2;
    doc.x = left;
  };
  doc.fontSize(9);
  row(columns.map((c) => c.title));
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).stroke();
  doc.y += 3;
  for (const line of lines) row([line.description, periodText(line), String(line.quantity), yenText(line.unitPrice), yenText(line.amount), `${line.taxRatePercent}%`]);
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).stroke();
  doc.moveDown();

  // Q1 (4)(5): per rate, the total and the tax, rounded down once per rate
  doc.fontSize(10);
  for (const rate of taxByRateOf(lines)) {
    doc.text(`${rate.rate}%対象 Total at ${rate.rate}%: ${yenText(rate.taxableAmount)}    消費税 Tax (${rate.rate}%): ${yenText(rate.tax)}`, { align: 'right' });
  }
  doc.moveDown(0.5);
  doc.text(`小計（税抜） Subtotal: ${yenText(invoice.subtotal)}`, { align: 'right' });
  doc.text(`消費税合計 Tax: ${yenText(invoice.tax)}`, { align: 'right' });
  doc.fontSize(12).text(`${credit ? '返還額合計' : 'ご請求金額'} ${credit ? 'Total credited' : 'Total due'}: ${yenText(invoice.total)}`, { align: 'right' });
  doc.end();
  return done;
}
