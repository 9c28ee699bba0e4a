import { ConsoleAuditLogDocument, OperatorCreateTenantDocument, OperatorGrantDigitisationPackDocument, OperatorCreateServiceContractDocument, OperatorResendSetPasswordLinkDocument, type BillingCycle, type Course, type Deployment, type Locale, type ServiceProduct } from '@kyodo/client';
import { useState, type FormEvent } from 'react';
import { useApp, useLoad } from '../app-context.js';
import { LoadState } from '../components.js';
import { FormRefusal, InputField, newIdempotencyKey, SelectField, useAction } from '../console-components.js';
import { searchTenants, tenantsFromAudit, type OnboardedTenant } from '../domain/console-rules.js';
import { tokyoDate } from '../domain/web-rules.js';
import { formatDateTime } from '../format.js';
import { enumLabel, useI18n } from '../i18n.js';

/** Every tenant the audit log knows was onboarded (the API has no tenant list for operators). */
function useOnboardedTenants() {
  const { client } = useApp();
  return useLoad(async () => {
    const tenants: OnboardedTenant[] = [];
    let after: string | null = null;
    // a few pages at most: the console is for the onboarding desk, not an archive
    for (let page = 0; page < 5; page += 1) {
      const { auditLog }: { auditLog?: { edges: { node: { action: string; at: string; tenantId?: string | null; after?: string | null } }[]; pageInfo: { endCursor?: string | null; hasNextPage: boolean } } | null } = await client.data(ConsoleAuditLogDocument, { first: 100, after });
      tenants.push(...tenantsFromAudit(auditLog?.edges.map((e) => e.node) ?? []));
      if (!auditLog?.pageInfo.hasNextPage) break;
      after = auditLog.pageInfo.endCursor ?? null;
    }
    return tenants;
  }, 'onboarded-tenants');
}

/** T4/T5: a vendor operator's tenants: search, onboard (createTenant) and each one's contract as made. */
export function VendorTenantsScreen() {
  const { t, lang } = useI18n();
  const tenants = useOnboardedTenants();
  const [query, setQuery] = useState('');
  return (
    <section aria-labelledby="tenants-title">
      <h1 id="tenants-title">{t('tenantsTitle')}</h1>
      <OnboardForm reload={tenants.reload} />
      <h2>{t('onboardedTenants')}</h2>
      <InputField formId="tenant-search" label={t('tenantSearch')} name="search" type="search" value={query} onChange={setQuery} error={null} />
      <LoadState loaded={tenants}>
        {(list) => {
          const found = searchTenants(list, query);
          return (
            <>
              {found.length === 0 ? (
                <p>{t('noTenants')}</p>
              ) : (
                <table data-testid="tenants">
                  <thead>
                    <tr>
                      <th scope="col">{t('tenantName')}</th>
                      <th scope="col">{t('subdomain')}</th>
                      <th scope="col">{t('tenantId')}</th>
                      <th scope="col">{t('contractAsMade')}</th>
                      <th scope="col">{t('onboardedAt')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {found.map((tenant) => (
                      <tr key={tenant.id}>
                        <td>{tenant.name}</td>
                        <td>{tenant.subdomain}</td>
                        <td className="wrap">{tenant.id}</td>
                        <td>{tenant.contract ? `${enumLabel(lang, 'course', tenant.contract.course ?? '')} · ${enumLabel(lang, 'cycle', tenant.contract.billingCycle ?? '')} · ${t('seatsCount', { n: tenant.contract.memberSeats ?? 0 })} · ${tenant.contract.startsOn ?? ''}` : '—'}</td>
                        <td>{formatDateTime(tenant.createdAt, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <ResendLinkForm tenants={list} />
            </>
          );
        }}
      </LoadState>
      <p className="meta">{t('tenantsGap')}</p>
    </section>
  );
}

/** T4: a new set-password link for a tenant's first administrator who has set no password (the older links stop working). */
function ResendLinkForm({ tenants }: { tenants: OnboardedTenant[] }) {
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
    // prefilled with the administrator the tenant was onboarded with (the audit entry knows it)
    setEmail(tenants.find((x) => x.subdomain === value)?.adminEmail ?? '');
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
        <SelectField label={t('tenantChoice')} name="resendTenant" value={subdomain} onChange={choose} options={[{ value: '', label: t('chooseTenant') }, ...tenants.filter((x) => x.subdomain).map((x) => ({ value: x.subdomain, label: `${x.name} (${x.subdomain})` }))]} />
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

/** L11-L13/L15: a tenant's card service contract and the digitisation packs sold to it. */
export function VendorContractsScreen() {
  const { client } = useApp();
  const { t, lang } = useI18n();
  const tenants = useOnboardedTenants();
  const contract = useAction();
  const pack = useAction();
  const [form, setForm] = useState({ tenantId: '', product: 'START_PACK', deployment: 'CLOUD', seats: '5', papersReceivedOn: tokyoDate(new Date()), includedSides: '' });
  const [packForm, setPackForm] = useState({ tenantId: '', packs: '1' });
  const [done, setDone] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const tenantOptions = (list: OnboardedTenant[]) => [{ value: '', label: t('chooseTenant') }, ...list.map((x) => ({ value: x.id, label: `${x.name} (${x.subdomain})` }))];

  async function saveContract(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const answer = await contract.run(() =>
      client.data(OperatorCreateServiceContractDocument, {
        input: { tenantId: form.tenantId, product: form.product as ServiceProduct, deployment: form.deployment as Deployment, seats: Number(form.seats), papersReceivedOn: form.papersReceivedOn, includedSides: form.includedSides ? Number(form.includedSides) : undefined },
      }),
    );
    if (answer) setDone(t('serviceContractMade', { delivered: answer.createServiceContract.deliveredOn, billing: answer.createServiceContract.billingStartsOn }));
  }
  async function grant(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const answer = await pack.run(() => client.data(OperatorGrantDigitisationPackDocument, { input: { tenantId: packForm.tenantId, packs: Number(packForm.packs), idempotencyKey: newIdempotencyKey() } }));
    if (answer) setDone(t('packsGranted', { packs: answer.grantDigitisationPack.packs, sides: answer.grantDigitisationPack.sides }));
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
      <p className="meta">{t('contractsGap')}</p>
    </section>
  );
}
