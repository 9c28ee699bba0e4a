import { OperatorCreateTenantDocument, OperatorGrantDigitisationPackDocument, OperatorCreateServiceContractDocument, OperatorResendSetPasswordLinkDocument, OperatorTenantsDocument, type BillingCycle, type Course, type Deployment, type Locale, type OperatorTenantsQuery, type ServiceProduct } from '@kyodo/client';
import { useState, type FormEvent } from 'react';
import { useApp, useLoad, type Loaded } from '../app-context.js';
import { LoadState } from '../components.js';
import { DataTable, FormRefusal, InputField, newIdempotencyKey, SelectField, useAction } from '../console-components.js';
import { contractPhase } from '../domain/console-rules.js';
import { ServiceContractsByTenant, useServiceContracts } from './vendor-billing-screen.js';
import { tokyoDate } from '../domain/web-rules.js';
import { formatDateTime } from '../format.js';
import { enumLabel, useI18n, type I18n } from '../i18n.js';

export type OperatorTenant = NonNullable<OperatorTenantsQuery['tenants']>['edges'][number]['node'];
type TenantContract = NonNullable<OperatorTenant['contract']>;

/** The console's page of tenants (T4: the operators' `tenants`), newest onboarded first; `search` folded by the API. */
export function useOperatorTenants(search = ''): Loaded<OperatorTenant[]> {
  const { client } = useApp();
  return useLoad(async () => {
    const { tenants } = await client.data(OperatorTenantsDocument, { search: search.trim() || null, first: 100 });
    return tenants?.edges.map((e) => e.node) ?? [];
  }, `operator-tenants:${search.trim()}`);
}

/** T4-T6/L8: a tenant's contract as the operators' list shows it: course, cycle, seats in force and ordered, guests, where it stands. */
export function contractStateText({ t, lang }: Pick<I18n, 't' | 'lang'>, contract: TenantContract | null | undefined): string {
  if (!contract) return t('noContract');
  const phase = contractPhase(contract);
  return [
    enumLabel(lang, 'course', contract.course),
    enumLabel(lang, 'cycle', contract.billingCycle),
    contract.memberSeatsOrdered === contract.memberSeats ? t('seatsCount', { n: contract.memberSeats }) : t('seatsInForceOrdered', { inForce: contract.memberSeats, ordered: contract.memberSeatsOrdered }),
    t('guestLicencesCount', { n: contract.guestLicenses }),
    t(`phase${phase}` as const, { date: contract.cancelledOn ?? '' }),
    `${t('contractSince', { date: contract.startsOn })}${contract.endsOn ? ` ${t('termUntil', { date: contract.endsOn })}` : ''}`,
  ].join(' · ');
}

/** T4: a vendor operator's tenants: search, onboard (createTenant), each one's contract state, a new set-password link. */
export function VendorTenantsScreen() {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState('');
  const found = useOperatorTenants(query);
  const all = useOperatorTenants();
  const reload = () => (found.reload(), all.reload());
  return (
    <section aria-labelledby="tenants-title">
      <h1 id="tenants-title">{t('tenantsTitle')}</h1>
      <OnboardForm reload={reload} />
      <h2>{t('onboardedTenants')}</h2>
      <InputField formId="tenant-search" label={t('tenantSearch')} name="search" type="search" value={query} onChange={setQuery} error={null} />
      <LoadState loaded={found}>
        {(list) => (
          <DataTable
            scroll
            testId="tenants"
            rows={list}
            rowKey={(tenant) => tenant.id}
            empty={t('noTenants')}
            columns={[
              { header: t('tenantName'), cell: (tenant) => tenant.name },
              { header: t('subdomain'), cell: (tenant) => tenant.subdomain },
              { header: t('contractAsMade'), cell: (tenant) => contractStateText({ t, lang }, tenant.contract), className: 'wrap' },
              { header: t('onboardedAt'), cell: (tenant) => (tenant.onboardedAt ? formatDateTime(tenant.onboardedAt, lang) : '—') },
            ]}
          />
        )}
      </LoadState>
      <LoadState loaded={all}>{(list) => <ResendLinkForm tenants={list} />}</LoadState>
    </section>
  );
}

/** T4: a new set-password link for a tenant's first administrator who has set no password (the older links stop working). */
function ResendLinkForm({ tenants }: { tenants: OperatorTenant[] }) {
  const { client } = useApp();
  const { t } = useI18n();
  const [subdomain, setSubdomain] = useState('');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const action = useAction();
  function choose(value: string) {
    setSubdomain(value);
    setSent(null);
    action.clear();
    // prefilled with the tenant's first administrator (T4: tenants' firstAdministratorEmail)
    setEmail(tenants.find((x) => x.subdomain === value)?.firstAdministratorEmail ?? '');
  }
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSent(null);
    const done = await action.run(() => client.data(OperatorResendSetPasswordLinkDocument, { tenant: subdomain, email }));
    if (done) setSent(t('resendLinkSent', { email, subdomain }));
  }
  return (
    <form onSubmit={submit} className="card" aria-labelledby="resend-link-title">
      <h2 id="resend-link-title">{t('resendLink')}</h2>
      <p className="meta">{t('resendLinkHelp')}</p>
      <div className="row">
        <SelectField label={t('tenantChoice')} name="resendTenant" value={subdomain} onChange={choose} options={[{ value: '', label: t('chooseTenant') }, ...tenants.map((x) => ({ value: x.subdomain, label: `${x.name} (${x.subdomain})` }))]} />
        <InputField formId="resend-link" label={t('resendLinkEmail')} name="email" type="email" value={email} onChange={(v) => (setEmail(v), setSent(null))} error={action.error} required autoComplete="off" />
      </div>
      <FormRefusal error={action.error} fields={['email']} testId="resend-link-refusal" />
      {sent && (
        <p role="status" className="ok">
          {sent}
        </p>
      )}
      <button type="submit" disabled={action.busy || !subdomain}>
        {t('resendLinkSend')}
      </button>
    </form>
  );
}

function OnboardForm({ reload }: { reload: () => void }) {
  const { client } = useApp();
  const { t, lang } = useI18n();
  const [form, setForm] = useState({ subdomain: '', name: '', locale: 'JA', adminName: '', adminEmail: '', course: 'STANDARD', billingCycle: 'MONTHLY', memberSeats: '5', startsOn: tokyoDate(new Date()) });
  const [created, setCreated] = useState<string | null>(null);
  const action = useAction();
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  async function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    const done = await action.run(() =>
      client.data(OperatorCreateTenantDocument, {
        input: {
          subdomain: form.subdomain,
          name: form.name,
          locale: form.locale as Locale,
          admin: { name: form.adminName, email: form.adminEmail },
          contract: { course: form.course as Course, billingCycle: form.billingCycle as BillingCycle, memberSeats: Number(form.memberSeats), startsOn: form.startsOn },
        },
      }),
    );
    if (done) {
      setCreated(t('tenantCreated', { name: done.createTenant.name, subdomain: done.createTenant.subdomain }));
      reload();
    }
  }
  const fields = ['subdomain', 'name', 'email', 'memberSeats', 'seats', 'startsOn'];
  return (
    <form onSubmit={submit} className="card" aria-labelledby="onboard-title">
      <h2 id="onboard-title">{t('onboardTenant')}</h2>
      <div className="row">
        <InputField formId="onboard" label={t('tenantName')} name="name" value={form.name} onChange={set('name')} error={action.error} required />
        <InputField formId="onboard" label={t('subdomain')} name="subdomain" value={form.subdomain} onChange={set('subdomain')} error={action.error} required pattern="[a-z][a-z0-9-]{2,31}" />
        <SelectField label={t('mailLocale')} name="locale" value={form.locale} onChange={set('locale')} options={['JA', 'EN'].map((v) => ({ value: v, label: enumLabel(lang, 'locale', v) }))} />
      </div>
      <div className="row">
        <InputField formId="onboard" label={t('adminName')} name="adminName" value={form.adminName} onChange={set('adminName')} error={action.error} required />
        <InputField formId="onboard" label={t('adminEmail')} name="email" type="email" value={form.adminEmail} onChange={set('adminEmail')} error={action.error} required />
      </div>
      <div className="row">
        <SelectField label={t('course')} name="course" value={form.course} onChange={set('course')} options={['LIGHT', 'STANDARD'].map((v) => ({ value: v, label: enumLabel(lang, 'course', v) }))} />
        <SelectField label={t('billingCycle')} name="billingCycle" value={form.billingCycle} onChange={set('billingCycle')} options={['MONTHLY', 'ANNUAL'].map((v) => ({ value: v, label: enumLabel(lang, 'cycle', v) }))} />
        <InputField formId="onboard" label={t('memberSeats')} name="memberSeats" type="number" min={1} value={form.memberSeats} onChange={set('memberSeats')} error={action.error} required />
        <InputField formId="onboard" label={t('startsOn')} name="startsOn" type="date" value={form.startsOn} onChange={set('startsOn')} error={action.error} required />
      </div>
      <FormRefusal error={action.error} fields={fields} />
      {created && (
        <p role="status" className="ok">
          {created}
        </p>
      )}
      <button type="submit" disabled={action.busy}>
        {t('onboard')}
      </button>
    </form>
  );
}

/** L11-L13/L15: a tenant's card service contract and the digitisation packs sold to it; every tenant's, listed. */
export function VendorContractsScreen() {
  const { client } = useApp();
  const { t, lang } = useI18n();
  const tenants = useOperatorTenants();
  const services = useServiceContracts();
  const contract = useAction();
  const pack = useAction();
  const [form, setForm] = useState({ tenantId: '', product: 'START_PACK', deployment: 'CLOUD', seats: '5', papersReceivedOn: tokyoDate(new Date()), includedSides: '' });
  const [packForm, setPackForm] = useState({ tenantId: '', packs: '1' });
  const [done, setDone] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const tenantOptions = (list: OperatorTenant[]) => [{ value: '', label: t('chooseTenant') }, ...list.map((x) => ({ value: x.id, label: `${x.name} (${x.subdomain})` }))];

  async function saveContract(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const answer = await contract.run(() =>
      client.data(OperatorCreateServiceContractDocument, {
        input: { tenantId: form.tenantId, product: form.product as ServiceProduct, deployment: form.deployment as Deployment, seats: Number(form.seats), papersReceivedOn: form.papersReceivedOn, includedSides: form.includedSides ? Number(form.includedSides) : undefined },
      }),
    );
    if (answer) {
      setDone(t('serviceContractMade', { delivered: answer.createServiceContract.deliveredOn, billing: answer.createServiceContract.billingStartsOn }));
      services.reload();
    }
  }
  async function grant(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const answer = await pack.run(() => client.data(OperatorGrantDigitisationPackDocument, { input: { tenantId: packForm.tenantId, packs: Number(packForm.packs), idempotencyKey: newIdempotencyKey() } }));
    if (answer) {
      setDone(t('packsGranted', { packs: answer.grantDigitisationPack.packs, sides: answer.grantDigitisationPack.sides }));
      services.reload();
    }
  }
  return (
    <section aria-labelledby="contracts-title">
      <h1 id="contracts-title">{t('contractsTitle')}</h1>
      {done && (
        <p role="status" className="ok">
          {done}
        </p>
      )}
      <LoadState loaded={tenants}>
        {(list) => (
          <>
            <form onSubmit={saveContract} className="card" aria-labelledby="service-contract-title">
              <h2 id="service-contract-title">{t('serviceContract')}</h2>
              <div className="row">
                <SelectField label={t('tenantChoice')} name="tenantId" value={form.tenantId} onChange={set('tenantId')} options={tenantOptions(list)} />
                <SelectField label={t('serviceProduct')} name="product" value={form.product} onChange={set('product')} options={['START_PACK', 'CORPORATE_LICENSE'].map((v) => ({ value: v, label: enumLabel(lang, 'product', v) }))} />
                <SelectField label={t('deployment')} name="deployment" value={form.deployment} onChange={set('deployment')} options={['CLOUD', 'ON_PREMISES'].map((v) => ({ value: v, label: enumLabel(lang, 'deployment', v) }))} />
              </div>
              <div className="row">
                <InputField formId="service" label={t('memberSeats')} name="seats" type="number" min={1} value={form.seats} onChange={set('seats')} error={contract.error} required />
                <InputField formId="service" label={t('papersReceivedOn')} name="papersReceivedOn" type="date" value={form.papersReceivedOn} onChange={set('papersReceivedOn')} error={contract.error} required />
                <InputField formId="service" label={t('includedSides')} name="includedSides" type="number" min={0} value={form.includedSides} onChange={set('includedSides')} error={contract.error} />
              </div>
              <FormRefusal error={contract.error} fields={['seats', 'papersReceivedOn', 'includedSides']} />
              <button type="submit" disabled={contract.busy || !form.tenantId}>
                {t('save')}
              </button>
            </form>
            <form onSubmit={grant} className="card" aria-labelledby="packs-title">
              <h2 id="packs-title">{t('digitisationPacks')}</h2>
              <div className="row">
                <SelectField label={t('tenantChoice')} name="packTenantId" value={packForm.tenantId} onChange={(v) => setPackForm((f) => ({ ...f, tenantId: v }))} options={tenantOptions(list)} />
                <InputField formId="packs" label={t('packs')} name="packs" type="number" min={1} value={packForm.packs} onChange={(v) => setPackForm((f) => ({ ...f, packs: v }))} error={pack.error} required />
              </div>
              <FormRefusal error={pack.error} fields={['packs']} />
              <button type="submit" disabled={pack.busy || !packForm.tenantId}>
                {t('grantPacks')}
              </button>
            </form>
          </>
        )}
      </LoadState>
      <ServiceContractsByTenant loaded={services} />
    </section>
  );
}
