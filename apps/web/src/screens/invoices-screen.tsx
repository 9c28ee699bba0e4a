import { AdminInvoicesDocument, InvoicePdfUrlDocument, VendorInvoiceSearchDocument, type AdminInvoicesQuery, type InvoiceSearchInput, type VendorInvoiceSearchQuery } from '@kyodo/client';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApp, useLoad } from '../app-context.js';
import { LoadState } from '../components.js';
import { DataTable, Facts, FormRefusal, InputField, useAction } from '../console-components.js';
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
              <DataTable
                testId="invoices"
                rows={invoices ?? []}
                rowKey={(invoice) => invoice.id}
                empty={t('noInvoices')}
                rowProps={(invoice) => ({ 'aria-current': invoice.id === openId || undefined })}
                columns={[
                  {
                    header: t('invoiceNumber'),
                    cell: (invoice) => (
                      <button type="button" className="link" onClick={() => open(invoice.id)}>
                        {t('openInvoice', { number: invoice.number ?? t('unnumbered') })}
                      </button>
                    ),
                  },
                  { header: t('issuedOn'), cell: (invoice) => invoice.issuedOn },
                  { header: t('invoiceKind'), cell: (invoice) => enumLabel(lang, 'invoiceKind', invoice.kind) },
                  { header: t('invoiceLines'), cell: (invoice) => invoice.lines.map((line) => line.description).join(' / '), className: 'wrap' },
                  { header: t('total'), cell: (invoice) => formatYen(invoice.total, lang) },
                ]}
              />
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
      <Facts
        facts={[
          [t('invoiceNumber'), number, 'invoice-number'],
          [t('issuedOn'), invoice.issuedOn],
          [t('issuer'), invoice.issuer?.name ?? '—'],
          [t('registrationNumber'), invoice.issuer?.registrationNumber ?? '—', 'invoice-registration'],
          [t('recipientName'), invoice.recipientName ?? '—'],
          !!invoice.correctsInvoice && [t('correctsInvoice'), invoice.correctsInvoice.number ?? invoice.correctsInvoice.id],
          !!invoice.reason && [t('correctionReason'), invoice.reason],
        ]}
      />
      <DataTable
        scroll
        caption={t('invoiceLines')}
        rows={invoice.lines.map((line, i) => ({ ...line, i }))}
        rowKey={(line) => String(line.i)}
        columns={[
          { header: t('invoiceLines'), cell: (line) => line.description, className: 'wrap' },
          { header: t('linePeriod'), cell: (line) => (line.periodFrom ? `${line.periodFrom} – ${line.periodTo ?? ''}` : '—') },
          { header: t('quantity'), cell: (line) => line.quantity },
          { header: t('unitPrice'), cell: (line) => formatYen(line.unitPrice, lang) },
          { header: t('taxRate'), cell: (line) => `${line.taxRatePercent}%` },
          { header: t('amount'), cell: (line) => formatYen(line.amount, lang) },
        ]}
      />
      <h3>{t('taxByRate')}</h3>
      <DataTable
        testId="invoice-tax-by-rate"
        rows={invoice.taxByRate}
        rowKey={(r) => String(r.rate)}
        columns={[
          { header: t('taxRate'), cell: (r) => `${r.rate}%` },
          { header: t('taxableAmount'), cell: (r) => formatYen(r.taxableAmount, lang) },
          { header: t('tax'), cell: (r) => formatYen(r.tax, lang) },
        ]}
      />
      <Facts
        facts={[
          [t('subtotal'), formatYen(invoice.subtotal, lang)],
          [t('tax'), formatYen(invoice.tax, lang)],
          [t('total'), formatYen(invoice.total, lang)],
        ]}
      />
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
            <DataTable
              scroll
              testId="invoice-search"
              rows={result.found}
              rowKey={(invoice) => invoice.id}
              columns={[
                { header: t('invoiceNumber'), cell: (invoice) => invoice.number ?? t('unnumbered') },
                { header: t('issuedOn'), cell: (invoice) => invoice.issuedOn },
                { header: t('invoiceKind'), cell: (invoice) => enumLabel(lang, 'invoiceKind', invoice.kind) },
                { header: t('recipientName'), cell: (invoice) => invoice.recipientName ?? '—', className: 'wrap' },
                { header: t('tenantId'), cell: (invoice) => invoice.tenantId },
                { header: t('total'), cell: (invoice) => formatYen(invoice.total, lang) },
                { header: 'PDF', cell: (invoice) => <PdfDownload invoice={invoice} tenantId={invoice.tenantId} /> },
              ]}
            />
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
