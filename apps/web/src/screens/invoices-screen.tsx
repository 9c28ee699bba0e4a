import { AdminInvoicesDocument, InvoicePdfUrlDocument, VendorInvoiceSearchDocument, type AdminInvoicesQuery, type InvoiceSearchInput, type VendorInvoiceSearchQuery } from '@kyodo/client';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApp, useLoad } from '../app-context.js';
import { LoadState } from '../components.js';
import { FormRefusal, InputField, useAction } from '../console-components.js';
import { formatYen } from '../format.js';
import { enumLabel, useI18n } from '../i18n.js';
import { navigate } from '../router.js';

type AdminInvoice = NonNullable<AdminInvoicesQuery['invoices']>[number];

/**
 * Q1: a tenant administrator's invoices, newest first; `openId` (the `?invoice=` of the mail's
 * link, which /licences?invoice= redirects here) opens one with everything a qualified invoice
 * states, and its PDF.
 */
export function AdminInvoicesScreen({ openId }: { openId: string | null }) {
  const { client } = useApp();
  const { t, lang } = useI18n();
  const loaded = useLoad(() => client.data(AdminInvoicesDocument), 'admin-invoices');
  const open = (id: string | null) => navigate(id ? `/admin/invoices?invoice=${encodeURIComponent(id)}` : '/admin/invoices', { replace: true });
  return (
    <section aria-labelledby="invoices-title">
      <h1 id="invoices-title">{t('invoices')}</h1>
      <LoadState loaded={loaded}>
        {({ invoices }) => {
          const opened = openId ? invoices?.find((i) => i.id === openId) : undefined;
          return (
            <>
              {openId && !opened && (
                <p role="alert" className="error">
                  {t('invoiceNotFound')}
                </p>
              )}
              {opened && <InvoiceDetail invoice={opened} onClose={() => open(null)} />}
              {!invoices?.length ? (
                <p>{t('noInvoices')}</p>
              ) : (
                <table data-testid="invoices">
                  <thead>
                    <tr>
                      <th scope="col">{t('invoiceNumber')}</th>
                      <th scope="col">{t('issuedOn')}</th>
                      <th scope="col">{t('invoiceKind')}</th>
                      <th scope="col">{t('invoiceLines')}</th>
                      <th scope="col">{t('total')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {invoices.map((invoice) => (
                      <tr key={invoice.id} aria-current={invoice.id === openId || undefined}>
                        <td>
                          <button type="button" className="link" onClick={() => open(invoice.id)}>
                            {t('openInvoice', { number: invoice.number ?? t('unnumbered') })}
                          </button>
                        </td>
                        <td>{invoice.issuedOn}</td>
                        <td>{enumLabel(lang, 'invoiceKind', invoice.kind)}</td>
                        <td className="wrap">{invoice.lines.map((line) => line.description).join(' / ')}</td>
                        <td>{formatYen(invoice.total, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          );
        }}
      </LoadState>
    </section>
  );
}

/** One invoice as issued: number, date, issuer and registration number, recipient, lines with periods, totals per tax rate. */
function InvoiceDetail({ invoice, onClose }: { invoice: AdminInvoice; onClose: () => void }) {
  const { t, lang } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  // opened from the list or the mail's link: a screen reader starts at the invoice
  useEffect(() => heading.current?.focus(), [invoice.id]);
  const number = invoice.number ?? t('unnumbered');
  return (
    <article className="card" aria-labelledby="invoice-title" data-testid="invoice">
      <h2 id="invoice-title" ref={heading} tabIndex={-1}>
        {enumLabel(lang, 'invoiceKind', invoice.kind)} {invoice.number ?? ''}
      </h2>
      <dl className="quote">
        <div>
          <dt>{t('invoiceNumber')}</dt>
          <dd data-testid="invoice-number">{number}</dd>
        </div>
        <div>
          <dt>{t('issuedOn')}</dt>
          <dd>{invoice.issuedOn}</dd>
        </div>
        <div>
          <dt>{t('issuer')}</dt>
          <dd>{invoice.issuer?.name ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('registrationNumber')}</dt>
          <dd data-testid="invoice-registration">{invoice.issuer?.registrationNumber ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('recipientName')}</dt>
          <dd>{invoice.recipientName ?? '—'}</dd>
        </div>
        {invoice.correctsInvoice && (
          <div>
            <dt>{t('correctsInvoice')}</dt>
            <dd>{invoice.correctsInvoice.number ?? invoice.correctsInvoice.id}</dd>
          </div>
        )}
        {invoice.reason && (
          <div>
            <dt>{t('correctionReason')}</dt>
            <dd>{invoice.reason}</dd>
          </div>
        )}
      </dl>
      <div className="scroll">
        <table>
          <caption className="visually-hidden">{t('invoiceLines')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('invoiceLines')}</th>
              <th scope="col">{t('linePeriod')}</th>
              <th scope="col">{t('quantity')}</th>
              <th scope="col">{t('unitPrice')}</th>
              <th scope="col">{t('taxRate')}</th>
              <th scope="col">{t('amount')}</th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((line, i) => (
              <tr key={i}>
                <td className="wrap">{line.description}</td>
                <td>{line.periodFrom ? `${line.periodFrom} – ${line.periodTo ?? ''}` : '—'}</td>
                <td>{line.quantity}</td>
                <td>{formatYen(line.unitPrice, lang)}</td>
                <td>{line.taxRatePercent}%</td>
                <td>{formatYen(line.amount, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('taxByRate')}</h3>
      <table data-testid="invoice-tax-by-rate">
        <thead>
          <tr>
            <th scope="col">{t('taxRate')}</th>
            <th scope="col">{t('taxableAmount')}</th>
            <th scope="col">{t('tax')}</th>
          </tr>
        </thead>
        <tbody>
          {invoice.taxByRate.map((r) => (
            <tr key={r.rate}>
              <td>{r.rate}%</td>
              <td>{formatYen(r.taxableAmount, lang)}</td>
              <td>{formatYen(r.tax, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="quote">
        <div>
          <dt>{t('subtotal')}</dt>
          <dd>{formatYen(invoice.subtotal, lang)}</dd>
        </div>
        <div>
          <dt>{t('tax')}</dt>
          <dd>{formatYen(invoice.tax, lang)}</dd>
        </div>
        <div>
          <dt>{t('total')}</dt>
          <dd>{formatYen(invoice.total, lang)}</dd>
        </div>
      </dl>
      <PdfDownload invoice={invoice} />
      <button type="button" onClick={onClose}>
        {t('closeInvoice')}
      </button>
    </article>
  );
}

/**
 * Q1: the signed link lasts minutes, so it is never rendered ahead of time: a click asks for a
 * fresh one (the invoice's issue day narrows the search), fetches the PDF and saves it under the
 * invoice's number.
 */
export function PdfDownload({ invoice, tenantId }: { invoice: { id: string; number?: string | null; issuedOn: string }; tenantId?: string }) {
  const { client } = useApp();
  const { t } = useI18n();
  const action = useAction();
  const [failed, setFailed] = useState(false);
  async function download() {
    setFailed(false);
    const filter: InvoiceSearchInput = { issuedFrom: invoice.issuedOn, issuedTo: invoice.issuedOn, ...(tenantId ? { tenantId } : {}) };
    const { invoiceSearch } = await client.data(InvoicePdfUrlDocument, { filter });
    const url = invoiceSearch?.edges.find((e) => e.node.id === invoice.id)?.node.pdfUrl;
    const response = url ? await fetch(url) : null;
    if (!response?.ok) {
      setFailed(true);
      return;
    }
    const blob = await response.blob();
    const href = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = href;
    a.download = `${invoice.number ?? invoice.id}.pdf`;
    document.body.append(a);
    a.click();
    a.remove();
    // the browser has the file once the click is handled; free the copy a little later
    window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
  }
  return (
    <>
      <button type="button" disabled={action.busy} aria-busy={action.busy || undefined} onClick={() => void action.run(download)}>
        {action.busy ? t('downloadingPdf') : t('downloadPdf')}
      </button>
      <FormRefusal error={action.error} />
      {failed && (
        <p role="alert" className="error">
          {t('downloadFailed')}
        </p>
      )}
    </>
  );
}

type Found = NonNullable<VendorInvoiceSearchQuery['invoiceSearch']>['edges'][number]['node'];

const PAGE = 50;

/** Q1 (electronic-records search): operators find invoices across tenants by issue dates, total and recipient. */
export function VendorInvoicesScreen() {
  const { client } = useApp();
  const { t, lang } = useI18n();
  const action = useAction();
  const [form, setForm] = useState({ issuedFrom: '', issuedTo: '', minTotal: '', maxTotal: '', recipientName: '' });
  const [result, setResult] = useState<{ filter: InvoiceSearchInput; found: Found[]; after: string | null } | null>(null);
  const set = (name: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [name]: value }));

  async function load(filter: InvoiceSearchInput, after: string | null, before: Found[]) {
    const { invoiceSearch } = await client.data(VendorInvoiceSearchDocument, { filter, first: PAGE, after });
    // null only beside an error (licensing down), which client.data has already raised
    if (!invoiceSearch) return;
    setResult({ filter, found: [...before, ...invoiceSearch.edges.map((e) => e.node)], after: invoiceSearch.pageInfo.hasNextPage ? (invoiceSearch.pageInfo.endCursor ?? null) : null });
  }

  function search(event: FormEvent) {
    event.preventDefault();
    const filter: InvoiceSearchInput = {
      issuedFrom: form.issuedFrom || null,
      issuedTo: form.issuedTo || null,
      minTotal: form.minTotal.trim() ? Number(form.minTotal) : null,
      maxTotal: form.maxTotal.trim() ? Number(form.maxTotal) : null,
      recipientName: form.recipientName.trim() || null,
    };
    void action.run(() => load(filter, null, []));
  }

  const fields = ['issuedFrom', 'issuedTo', 'minTotal', 'maxTotal', 'recipientName'];
  return (
    <section aria-labelledby="invoice-search-title">
      <h1 id="invoice-search-title">{t('invoiceSearchTitle')}</h1>
      <form onSubmit={search} aria-labelledby="invoice-search-title" noValidate>
        <div className="row">
          <InputField formId="invoice-search" label={t('issuedFrom')} name="issuedFrom" type="date" value={form.issuedFrom} onChange={set('issuedFrom')} error={action.error} />
          <InputField formId="invoice-search" label={t('issuedTo')} name="issuedTo" type="date" value={form.issuedTo} onChange={set('issuedTo')} error={action.error} />
        </div>
        <div className="row">
          <InputField formId="invoice-search" label={t('minTotal')} name="minTotal" type="number" min={0} step={1} value={form.minTotal} onChange={set('minTotal')} error={action.error} />
          <InputField formId="invoice-search" label={t('maxTotal')} name="maxTotal" type="number" min={0} step={1} value={form.maxTotal} onChange={set('maxTotal')} error={action.error} />
          <InputField formId="invoice-search" label={t('recipientContains')} name="recipientName" value={form.recipientName} onChange={set('recipientName')} error={action.error} />
        </div>
        <FormRefusal error={action.error} fields={fields} />
        <button type="submit" disabled={action.busy}>
          {t('searchButton')}
        </button>
      </form>
      {result &&
        (result.found.length === 0 ? (
          <p role="status">{t('noInvoicesFound')}</p>
        ) : (
          <>
            <div className="scroll">
              <table data-testid="invoice-search">
                <thead>
                  <tr>
                    <th scope="col">{t('invoiceNumber')}</th>
                    <th scope="col">{t('issuedOn')}</th>
                    <th scope="col">{t('invoiceKind')}</th>
                    <th scope="col">{t('recipientName')}</th>
                    <th scope="col">{t('tenantId')}</th>
                    <th scope="col">{t('total')}</th>
                    <th scope="col">PDF</th>
                  </tr>
                </thead>
                <tbody>
                  {result.found.map((invoice) => (
                    <tr key={invoice.id}>
                      <td>{invoice.number ?? t('unnumbered')}</td>
                      <td>{invoice.issuedOn}</td>
                      <td>{enumLabel(lang, 'invoiceKind', invoice.kind)}</td>
                      <td className="wrap">{invoice.recipientName ?? '—'}</td>
                      <td>{invoice.tenantId}</td>
                      <td>{formatYen(invoice.total, lang)}</td>
                      <td>
                        <PdfDownload invoice={invoice} tenantId={invoice.tenantId} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {result.after && (
              <button type="button" disabled={action.busy} onClick={() => void action.run(() => load(result.filter, result.after, result.found))}>
                {t('loadMore')}
              </button>
            )}
          </>
        ))}
    </section>
  );
}
