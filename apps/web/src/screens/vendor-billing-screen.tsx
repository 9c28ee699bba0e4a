import { OperatorAddClosingDayDocument, OperatorAddPriceRowDocument, OperatorBillingRunsDocument, OperatorCatalogueDocument, OperatorPriceBookDocument, OperatorRemoveClosingDayDocument, OperatorRunBillingDocument, OperatorSaveProductDocument, OperatorSaveProductVersionDocument, OperatorServiceContractsDocument, type BillingCycle, type Course, type OperatorBillingRunsQuery, type OperatorRunBillingMutation, type OperatorServiceContractsQuery } from '@kyodo/client';
import { useState, type FormEvent } from 'react';
import { useApp, useLoad, type Loaded } from '../app-context.js';
import { LoadState } from '../components.js';
import { DataTable, FormRefusal, InputField, SelectField, useAction } from '../console-components.js';
import { currentPeriod } from '../domain/console-rules.js';
import { tokyoDate } from '../domain/web-rules.js';
import { formatDateTime, formatYen } from '../format.js';
import { enumLabel, useI18n } from '../i18n.js';

type Run = OperatorRunBillingMutation['runBilling'];
type PastRun = NonNullable<OperatorBillingRunsQuery['billingRuns']>['edges'][number]['node'];
type ServiceTenant = NonNullable<OperatorServiceContractsQuery['tenants']>['edges'][number]['node'];

/** L16: runs billing for a period and shows what it issued; the runs kept (billingRuns), newest first; every tenant's card service contract and packs. */
export function VendorBillingScreen() {
  const { client } = useApp();
  const { t, lang } = useI18n();
  const [period, setPeriod] = useState(() => currentPeriod(new Date()));
  const [runs, setRuns] = useState<Run[]>([]);
  const past = useLoad(async () => (await client.data(OperatorBillingRunsDocument, { first: 50 })).billingRuns?.edges.map((e) => e.node) ?? [], 'billing-runs');
  const services = useServiceContracts();
  const action = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await action.run(() => client.data(OperatorRunBillingDocument, { period }));
    if (answer) {
      setRuns((before) => [answer.runBilling, ...before]);
      past.reload();
    }
  }
  return (
    <section aria-labelledby="billing-title">
      <h1 id="billing-title">{t('billingTitle')}</h1>
      <form onSubmit={submit} className="card" aria-labelledby="run-billing-title">
        <h2 id="run-billing-title">{t('runBilling')}</h2>
        <InputField formId="billing" label={t('period')} name="period" value={period} onChange={setPeriod} error={action.error} required pattern="\d{4}-\d{2}" />
        <FormRefusal error={action.error} fields={['period']} />
        <button type="submit" disabled={action.busy}>
          {t('runBillingButton')}
        </button>
      </form>
      {runs.map((run, i) => (
        <div key={i} className="card" data-testid="billing-run">
          <h2>{t('billingRunResult', { period: run.period, count: run.issuedCount })}</h2>
          {run.invoices.length > 0 && (
            <DataTable
              scroll
              rows={run.invoices}
              rowKey={(invoice) => invoice.id}
              columns={[
                { header: t('issuedOn'), cell: (invoice) => invoice.issuedOn },
                { header: t('invoiceLines'), cell: (invoice) => invoice.lines.map((l) => l.description).join(' / '), className: 'wrap' },
                { header: t('total'), cell: (invoice) => formatYen(invoice.total, lang) },
              ]}
            />
          )}
        </div>
      ))}
      <h2 id="past-runs-title">{t('pastBillingRuns')}</h2>
      <LoadState loaded={past}>
        {(list: PastRun[]) => (
          <DataTable
            scroll
            testId="billing-runs"
            rows={list}
            rowKey={(run) => run.id}
            empty={t('noBillingRuns')}
            columns={[
              { header: t('ranAt'), cell: (run) => formatDateTime(run.ranAt, lang) },
              { header: t('period'), cell: (run) => run.period },
              { header: t('runVia'), cell: (run) => enumLabel(lang, 'via', run.via) },
              { header: t('issuedCount'), cell: (run) => run.issuedCount },
              { header: t('issuedTotal'), cell: (run) => formatYen(run.issuedTotal, lang) },
              { header: t('pendingTenantsCol'), cell: (run) => (run.pendingTenants.length ? run.pendingTenants.join(', ') : '—'), className: 'wrap' },
            ]}
          />
        )}
      </LoadState>
      <ServiceContractsByTenant loaded={services} />
    </section>
  );
}

/**
 * L11-L15: the tenants that have a card service contract or packs, with both (operators' `tenants`):
 * the newest 40 tenants, as the gateway's cost limit allows with each tenant's list of pack orders.
 */
export function useServiceContracts(): Loaded<ServiceTenant[]> {
  const { client } = useApp();
  return useLoad(async () => {
    const { tenants } = await client.data(OperatorServiceContractsDocument, {});
    return tenants?.edges.map((e) => e.node).filter((tenant) => tenant.serviceContract || tenant.digitisationPackOrders?.length) ?? [];
  }, 'operator-service-contracts');
}

/** L11-L15: one row per tenant: its card service contract (product, seats, delivery and billing start), sides and packs. */
export function ServiceContractsByTenant({ loaded }: { loaded: Loaded<ServiceTenant[]> }) {
  const { t, lang } = useI18n();
  return (
    <>
      <h2>{t('serviceContractsByTenant')}</h2>
      <LoadState loaded={loaded}>
        {(list) => (
          <DataTable
            scroll
            testId="service-contracts"
            rows={list}
            rowKey={(tenant) => tenant.id}
            empty={t('noServiceContracts')}
            columns={[
              { header: t('tenantName'), cell: (tenant) => `${tenant.name} (${tenant.subdomain})`, className: 'wrap' },
              { header: t('serviceProduct'), cell: (tenant) => (tenant.serviceContract ? `${enumLabel(lang, 'product', tenant.serviceContract.product)} · ${enumLabel(lang, 'deployment', tenant.serviceContract.deployment)}` : '—') },
              { header: t('memberSeats'), cell: (tenant) => tenant.serviceContract?.seats ?? '—' },
              { header: t('serviceTerm'), cell: (tenant) => (tenant.serviceContract ? `${tenant.serviceContract.deliveredOn} / ${tenant.serviceContract.billingStartsOn}` : '—') },
              { header: t('cardSides'), cell: (tenant) => (tenant.serviceContract ? `${tenant.serviceContract.cardDigitisation.includedSides} + ${tenant.serviceContract.cardDigitisation.purchasedSides}` : '—') },
              { header: t('packOrders'), cell: (tenant) => (tenant.digitisationPackOrders?.length ? tenant.digitisationPackOrders.map((o) => `${o.orderDate} ×${o.packs}`).join(', ') : '—'), className: 'wrap' },
            ]}
          />
        )}
      </LoadState>
    </>
  );
}

/** L1: the price rows that apply on a date, and a new row from a date (rows in effect never change). */
export function VendorPricesScreen() {
  const { client } = useApp();
  const { t, lang } = useI18n();
  const [asOf, setAsOf] = useState(() => tokyoDate(new Date()));
  const book = useLoad(() => client.data(OperatorPriceBookDocument, { asOf: asOf || undefined }), `prices:${asOf}`);
  const [form, setForm] = useState({ product: 'MEMBER_SEAT', course: '', billingCycle: '', unit: '', amount: '', effectiveFrom: tokyoDate(new Date()), effectiveTo: '', legacyCutoff: '' });
  const [added, setAdded] = useState<string | null>(null);
  const action = useAction();
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  async function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    const answer = await action.run(() =>
      client.data(OperatorAddPriceRowDocument, {
        input: {
          product: form.product,
          course: (form.course || undefined) as Course | undefined,
          billingCycle: (form.billingCycle || undefined) as BillingCycle | undefined,
          unit: form.unit,
          amount: Number(form.amount),
          effectiveFrom: form.effectiveFrom,
          effectiveTo: form.effectiveTo || undefined,
          legacyCutoff: form.legacyCutoff || undefined,
        },
      }),
    );
    if (answer) {
      setAdded(t('priceRowAdded', { product: enumLabel(lang, 'price', answer.addPriceRow.product), from: answer.addPriceRow.effectiveFrom }));
      book.reload();
    }
  }
  return (
    <section aria-labelledby="prices-title">
      <h1 id="prices-title">{t('pricesTitle')}</h1>
      <InputField formId="price-book" label={t('asOf')} name="asOf" type="date" value={asOf} onChange={setAsOf} error={null} />
      <LoadState loaded={book}>
        {({ priceBook }) => (
          <DataTable
            scroll
            testId="price-book"
            rows={priceBook ?? []}
            rowKey={(row) => row.id}
            columns={[
              {
                header: t('priceProduct'),
                cell: (row) => (
                  <>
                    {enumLabel(lang, 'price', row.product)}
                    {row.legacyCutoff && <span className="meta"> {t('legacyUntil', { date: row.legacyCutoff })}</span>}
                  </>
                ),
              },
              { header: t('course'), cell: (row) => (row.course ? enumLabel(lang, 'course', row.course) : t('any')) },
              { header: t('billingCycle'), cell: (row) => (row.billingCycle ? enumLabel(lang, 'cycle', row.billingCycle) : t('any')) },
              { header: t('unit'), cell: (row) => row.unit },
              { header: t('amount'), cell: (row) => formatYen(row.amount, lang) },
              { header: t('effectiveFrom'), cell: (row) => row.effectiveFrom },
              { header: t('effectiveTo'), cell: (row) => row.effectiveTo ?? '—' },
            ]}
          />
        )}
      </LoadState>
      <form onSubmit={submit} className="card" aria-labelledby="add-price-title">
        <h2 id="add-price-title">{t('addPriceRow')}</h2>
        <div className="row">
          <InputField formId="price" label={t('priceProduct')} name="product" value={form.product} onChange={set('product')} error={action.error} required list="price-products" />
          <datalist id="price-products">
            {['MEMBER_SEAT', 'GUEST_LICENSE', 'CARD_DIGITISATION_PACK'].map((p) => (
              <option key={p} value={p}>
                {enumLabel(lang, 'price', p)}
              </option>
            ))}
          </datalist>
          <SelectField label={t('course')} name="course" value={form.course} onChange={set('course')} options={[{ value: '', label: t('any') }, ...['LIGHT', 'STANDARD'].map((v) => ({ value: v, label: enumLabel(lang, 'course', v) }))]} />
          <SelectField label={t('billingCycle')} name="billingCycle" value={form.billingCycle} onChange={set('billingCycle')} options={[{ value: '', label: t('any') }, ...['MONTHLY', 'ANNUAL'].map((v) => ({ value: v, label: enumLabel(lang, 'cycle', v) }))]} />
        </div>
        <div className="row">
          <InputField formId="price" label={t('unit')} name="unit" value={form.unit} onChange={set('unit')} error={action.error} required />
          <InputField formId="price" label={t('amountYen')} name="amount" type="number" min={0} value={form.amount} onChange={set('amount')} error={action.error} required />
          <InputField formId="price" label={t('effectiveFrom')} name="effectiveFrom" type="date" value={form.effectiveFrom} onChange={set('effectiveFrom')} error={action.error} required />
          <InputField formId="price" label={t('effectiveTo')} name="effectiveTo" type="date" value={form.effectiveTo} onChange={set('effectiveTo')} error={action.error} />
          <InputField formId="price" label={t('legacyCutoff')} name="legacyCutoff" type="date" value={form.legacyCutoff} onChange={set('legacyCutoff')} error={action.error} />
        </div>
        <FormRefusal error={action.error} fields={['product', 'unit', 'amount', 'effectiveFrom', 'effectiveTo', 'legacyCutoff']} />
        {added && (
          <p role="status" className="ok">
            {added}
          </p>
        )}
        <button type="submit" disabled={action.busy}>
          {t('add')}
        </button>
      </form>
    </section>
  );
}

/** P5/P7/L13: the support catalogue (products, versions, end of support) and the vendor's closing days. */
export function VendorCatalogueScreen() {
  const { client } = useApp();
  const { t } = useI18n();
  const catalogue = useLoad(() => client.data(OperatorCatalogueDocument), 'catalogue');
  const product = useAction();
  const version = useAction();
  const closing = useAction();
  const [productForm, setProductForm] = useState({ id: '', name: '' });
  const [versionForm, setVersionForm] = useState({ productId: '', version: '', endOfSupport: '' });
  const [dayForm, setDayForm] = useState({ year: '', month: '', day: '', reason: '' });
  async function saveProduct(event: FormEvent) {
    event.preventDefault();
    if (await product.run(() => client.data(OperatorSaveProductDocument, { input: productForm }))) catalogue.reload();
  }
  async function saveVersion(event: FormEvent) {
    event.preventDefault();
    if (await version.run(() => client.data(OperatorSaveProductVersionDocument, { input: { ...versionForm, endOfSupport: versionForm.endOfSupport || null } }))) catalogue.reload();
  }
  async function addDay(event: FormEvent) {
    event.preventDefault();
    const input = { year: dayForm.year ? Number(dayForm.year) : undefined, month: Number(dayForm.month), day: Number(dayForm.day), reason: dayForm.reason };
    if (await closing.run(() => client.data(OperatorAddClosingDayDocument, { input }))) catalogue.reload();
  }
  return (
    <section aria-labelledby="catalogue-title">
      <h1 id="catalogue-title">{t('catalogueTitle')}</h1>
      <LoadState loaded={catalogue}>
        {({ supportProducts, closingDays }) => (
          <>
            <table data-testid="catalogue">
              <thead>
                <tr>
                  <th scope="col">{t('product')}</th>
                  <th scope="col">{t('version')}</th>
                  <th scope="col">{t('endOfSupport')}</th>
                </tr>
              </thead>
              <tbody>
                {(supportProducts ?? []).flatMap((p) =>
                  (p.versions.length ? p.versions : [null]).map((v) => (
                    <tr key={`${p.id}:${v?.version ?? ''}`}>
                      <td>
                        {p.name} <span className="meta">({p.id})</span>
                      </td>
                      <td>{v?.version ?? '—'}</td>
                      <td>{v ? `${v.endOfSupport ?? t('noEndOfSupport')}${v.supported ? '' : ` · ${t('unsupported')}`}` : '—'}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
            <div className="row">
              <form onSubmit={saveProduct} className="card" aria-labelledby="save-product-title">
                <h2 id="save-product-title">{t('saveProduct')}</h2>
                <InputField formId="product" label={t('productId')} name="id" value={productForm.id} onChange={(v) => setProductForm((f) => ({ ...f, id: v }))} error={product.error} required />
                <InputField formId="product" label={t('productName')} name="name" value={productForm.name} onChange={(v) => setProductForm((f) => ({ ...f, name: v }))} error={product.error} required />
                <FormRefusal error={product.error} fields={['id', 'name']} />
                <button type="submit" disabled={product.busy}>
                  {t('save')}
                </button>
              </form>
              <form onSubmit={saveVersion} className="card" aria-labelledby="save-version-title">
                <h2 id="save-version-title">{t('saveVersion')}</h2>
                <SelectField label={t('product')} name="productId" value={versionForm.productId} onChange={(v) => setVersionForm((f) => ({ ...f, productId: v }))} options={[{ value: '', label: t('chooseProduct') }, ...(supportProducts ?? []).map((p) => ({ value: p.id, label: p.name }))]} />
                <InputField formId="version" label={t('version')} name="version" value={versionForm.version} onChange={(v) => setVersionForm((f) => ({ ...f, version: v }))} error={version.error} required />
                <InputField formId="version" label={t('endOfSupport')} name="endOfSupport" type="date" value={versionForm.endOfSupport} onChange={(v) => setVersionForm((f) => ({ ...f, endOfSupport: v }))} error={version.error} />
                <FormRefusal error={version.error} fields={['version', 'endOfSupport', 'productId']} />
                <button type="submit" disabled={version.busy || !versionForm.productId}>
                  {t('save')}
                </button>
              </form>
            </div>
            <h2>{t('closingDays')}</h2>
            {!closingDays?.length ? (
              <p>{t('noClosingDays')}</p>
            ) : (
              <ul className="list" data-testid="closing-days">
                {closingDays.map((d) => (
                  <li key={d.id}>
                    <span>{d.year ? `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` : t('everyYear', { month: d.month, day: d.day })}</span>
                    <span>{d.reason}</span>
                    <button type="button" className="secondary" aria-label={t('removeClosingDayOf', { reason: d.reason })} disabled={closing.busy} onClick={() => void closing.run(async () => (await client.data(OperatorRemoveClosingDayDocument, { id: d.id }), catalogue.reload()))}>
                      {t('remove')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <form onSubmit={addDay} className="card" aria-labelledby="add-day-title">
              <h2 id="add-day-title">{t('addClosingDay')}</h2>
              <div className="row">
                <InputField formId="closing" label={t('yearOptional')} name="year" type="number" value={dayForm.year} onChange={(v) => setDayForm((f) => ({ ...f, year: v }))} error={closing.error} />
                <InputField formId="closing" label={t('month')} name="month" type="number" min={1} max={12} value={dayForm.month} onChange={(v) => setDayForm((f) => ({ ...f, month: v }))} error={closing.error} required />
                <InputField formId="closing" label={t('day')} name="day" type="number" min={1} max={31} value={dayForm.day} onChange={(v) => setDayForm((f) => ({ ...f, day: v }))} error={closing.error} required />
                <InputField formId="closing" label={t('reason')} name="reason" value={dayForm.reason} onChange={(v) => setDayForm((f) => ({ ...f, reason: v }))} error={closing.error} required />
              </div>
              <FormRefusal error={closing.error} fields={['year', 'month', 'day', 'reason']} />
              <button type="submit" disabled={closing.busy}>
                {t('add')}
              </button>
            </form>
          </>
        )}
      </LoadState>
    </section>
  );
}
