import { OperatorAddClosingDayDocument, OperatorAddPriceRowDocument, OperatorCatalogueDocument, OperatorPriceBookDocument, OperatorRemoveClosingDayDocument, OperatorRunBillingDocument, OperatorSaveProductDocument, OperatorSaveProductVersionDocument, type BillingCycle, type Course, type OperatorRunBillingMutation } from '@kyodo/client';
import { useState, type FormEvent } from 'react';
import { useApp, useLoad } from '../app-context.js';
import { LoadState } from '../components.js';
import { FormRefusal, InputField, SelectField, useAction } from '../console-components.js';
import { currentPeriod } from '../domain/console-rules.js';
import { tokyoDate } from '../domain/web-rules.js';
import { formatYen } from '../format.js';
import { enumLabel, useI18n } from '../i18n.js';

type Run = OperatorRunBillingMutation['runBilling'];

/** L16: runs billing for a period and shows what it issued (runs made in this session: the API lists no past runs). */
export function VendorBillingScreen() {
  const { client } = useApp();
  const { t, lang } = useI18n();
  const [period, setPeriod] = useState(() => currentPeriod(new Date()));
  const [runs, setRuns] = useState<Run[]>([]);
  const action = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await action.run(() => client.data(OperatorRunBillingDocument, { period }));
    if (answer) setRuns((before) => [answer.runBilling, ...before]);
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
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('issuedOn')}</th>
                  <th scope="col">{t('invoiceLines')}</th>
                  <th scope="col">{t('total')}</th>
                </tr>
              </thead>
              <tbody>
                {run.invoices.map((invoice) => (
                  <tr key={invoice.id}>
                    <td>{invoice.issuedOn}</td>
                    <td className="wrap">{invoice.lines.map((l) => l.description).join(' / ')}</td>
                    <td>{formatYen(invoice.total, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
      <p className="meta">{t('billingGap')}</p>
    </section>
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
          <table data-testid="price-book">
            <thead>
              <tr>
                <th scope="col">{t('priceProduct')}</th>
                <th scope="col">{t('course')}</th>
                <th scope="col">{t('billingCycle')}</th>
                <th scope="col">{t('unit')}</th>
                <th scope="col">{t('amount')}</th>
                <th scope="col">{t('effectiveFrom')}</th>
                <th scope="col">{t('effectiveTo')}</th>
              </tr>
            </thead>
            <tbody>
              {(priceBook ?? []).map((row) => (
                <tr key={row.id}>
                  <td>
                    {enumLabel(lang, 'price', row.product)}
                    {row.legacyCutoff && <span className="meta"> {t('legacyUntil', { date: row.legacyCutoff })}</span>}
                  </td>
                  <td>{row.course ? enumLabel(lang, 'course', row.course) : t('any')}</td>
                  <td>{row.billingCycle ? enumLabel(lang, 'cycle', row.billingCycle) : t('any')}</td>
                  <td>{row.unit}</td>
                  <td>{formatYen(row.amount, lang)}</td>
                  <td>{row.effectiveFrom}</td>
                  <td>{row.effectiveTo ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
