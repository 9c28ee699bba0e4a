import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileLinkSecretFor, signFileLinkToken, verifyFileLinkToken, type RouteRuntime, type SubgraphDeps, type SubgraphRoute } from '@kyodo/subgraph-kit';
import { Invoice, InvoiceLine } from './entities/invoice.entity.js';
import { renderInvoicePdf } from './invoice-pdf.js';

/** Where licensing serves invoice PDFs; the gateway forwards this prefix to licensing, as `/files/` to cards. */
export const INVOICE_FILES_PATH = '/invoice-files/';
/** How long an invoice's PDF link stays valid (as long as a card export's). */
export const INVOICE_LINK_TTL_MS = 10 * 60 * 1000;
const KINDS = ['invoice-pdf'] as const;
const PURPOSE = 'kyodo-licensing-invoice-files';

/** Q1: the signed, expiring link to an invoice's PDF (handed out only after the caller's access was checked). */
export function invoicePdfUrl(deps: Pick<SubgraphDeps, 'gatewaySecret'>, invoiceId: string, now: Date): string {
  return `${INVOICE_FILES_PATH}${signFileLinkToken(fileLinkSecretFor(deps, PURPOSE), { key: invoiceId, kind: 'invoice-pdf', expiresAt: now.getTime() + INVOICE_LINK_TTL_MS })}`;
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(message);
}

/** GET /invoice-files/<signed link>: the PDF of the invoice the link names, rendered from its stored snapshot, while the link has not expired. */
export function invoiceFilesRoute(runtime: RouteRuntime): SubgraphRoute {
  const secret = fileLinkSecretFor(runtime.deps, PURPOSE);
  return async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://licensing').pathname;
    if (!path.startsWith(INVOICE_FILES_PATH)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      refuse(res, 405, 'Files are fetched with GET.');
      return true;
    }
    const link = verifyFileLinkToken(secret, path.slice(INVOICE_FILES_PATH.length), runtime.clock.now(), KINDS);
    if (link === 'invalid') {
      refuse(res, 404, 'このリンクは無効です。This link is not valid.');
      return true;
    }
    if (link === 'expired') {
      refuse(res, 410, 'このリンクは期限切れです。請求書の pdfUrl をもう一度取得してください。This link has expired; ask for the invoice\'s pdfUrl again for a new one.');
      return true;
    }
    const invoice = await runtime.dataSource.getRepository(Invoice).findOneBy({ id: link.key });
    if (!invoice) {
      refuse(res, 404, 'The invoice is no longer there.');
      return true;
    }
    const lines = await runtime.dataSource.getRepository(InvoiceLine).find({ where: { invoiceId: invoice.id }, order: { position: 'ASC' } });
    const corrects = invoice.correctsInvoiceId ? await runtime.dataSource.getRepository(Invoice).findOneBy({ id: invoice.correctsInvoiceId }) : null;
    const bytes = await renderInvoicePdf(invoice, lines, corrects);
    res.writeHead(200, {
      'content-type': 'application/pdf',
      'content-length': bytes.length,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-disposition': `attachment; filename="${invoice.number ?? invoice.id}.pdf"`,
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
    return true;
  };
}
