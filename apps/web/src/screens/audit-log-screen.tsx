import { AdminSetInvoiceRecipientNameDocument, AdminSetRequireTotpDocument, AdminSettingsDocument, ConsoleAuditLogDocument, type ConsoleAuditLogQuery } from '@kyodo/client';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApp, useLoad } from '../app-context.js';
import { LoadState } from '../components.js';
import { DataTable, Facts, FormRefusal, InputField, SelectField, useAction } from '../console-components.js';
import { auditActionChoices, auditQueryOf, filterByActor, type AuditFilter } from '../domain/console-rules.js';
import { formatDateTime } from '../format.js';
import { actionLabel, enumLabel, knownAuditActions, useI18n } from '../i18n.js';
import { useOperatorTenants } from './vendor-tenants-screen.js';

type Entry = NonNullable<ConsoleAuditLogQuery['auditLog']>['edges'][number]['node'];
const PAGE = 100;

/**
 * A1: the audit log, newest first: a tenant administrator's own tenant, a vendor operator's every
 * tenant. Action, tenant (operators) and days are the API's filters (a change loads the first
 * page again); the person is looked for in the pages loaded.
 */
export function AuditLogScreen({ acrossTenants }: { acrossTenants: boolean }) {
  const { client } = useApp();
  const { t, lang } = useI18n();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [filter, setFilter] = useState<AuditFilter>({ action: '', actor: '', from: '', to: '', tenantId: '' });
  const query = auditQueryOf(filter, acrossTenants);
  const queryKey = JSON.stringify(query);
  // the latest request wins: a filter changed while a page loads discards that page
  const latest = useRef(0);

  async function load(after: string | null) {
    const round = ++latest.current;
    setLoading(true);
    setError(null);
    try {
      const { auditLog } = await client.data(ConsoleAuditLogDocument, { first: PAGE, after, ...query });
      if (round !== latest.current) return;
      setEntries((before) => [...(after ? before : []), ...(auditLog?.edges.map((e) => e.node) ?? [])]);
      setCursor(auditLog?.pageInfo.endCursor ?? null);
      setMore(auditLog?.pageInfo.hasNextPage ?? false);
    } catch (caught) {
      if (round !== latest.current) return;
      setError(caught);
    }
    setLoading(false);
  }
  useEffect(() => {
    void load(null);
    // the first page for each filter the API applies; later pages on request
  }, [queryKey]);

  const actions = auditActionChoices(knownAuditActions(), entries);
  const shown = filterByActor(entries, filter.actor);
  const set = (key: keyof AuditFilter) => (value: string) => setFilter((f) => ({ ...f, [key]: value }));
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('auditTitle')}</h1>
      <form className="card" aria-label={t('auditFilters')} onSubmit={(e) => e.preventDefault()}>
        <div className="row">
          <SelectField label={t('auditAction')} name="action" value={filter.action} onChange={set('action')} options={[{ value: '', label: t('all') }, ...actions.map((a) => ({ value: a, label: `${actionLabel(lang, a)} (${a})` }))]} />
          <InputField formId="audit" label={t('auditActor')} name="actor" value={filter.actor} onChange={set('actor')} error={null} />
          <InputField formId="audit" label={t('fromDate')} name="from" type="date" value={filter.from} onChange={set('from')} error={error} />
          <InputField formId="audit" label={t('toDate')} name="to" type="date" value={filter.to} onChange={set('to')} error={error} />
          {acrossTenants && <TenantFilter value={filter.tenantId} onChange={set('tenantId')} />}
        </div>
        <p className="meta">{t('auditFilterNote', { count: entries.length })}</p>
      </form>
      <FormRefusal error={error} fields={['from', 'to']} />
      {loading && entries.length === 0 ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : (
        <DataTable
          scroll
          testId="audit-log"
          rows={shown}
          rowKey={(e) => e.id}
          empty={t('noAudit')}
          columns={[
            { header: t('auditAt'), cell: (e) => formatDateTime(e.at, lang) },
            { header: t('auditActor'), cell: (e) => e.actor.display },
            {
              header: t('auditAction'),
              cell: (e) => (
                <>
                  {actionLabel(lang, e.action)} <code className="meta">{e.action}</code>
                </>
              ),
            },
            { header: t('auditSubject'), cell: (e) => e.subject, className: 'wrap' },
            ...(acrossTenants ? [{ header: t('tenantId'), cell: (e: Entry) => e.tenantId ?? t('vendorData'), className: 'wrap' }] : []),
            {
              header: t('auditChange'),
              cell: (e) => (
                <details>
                  <summary>{t('auditChange')}</summary>
                  <pre className="wrap">
                    {e.before ?? '—'} → {e.after ?? '—'}
                  </pre>
                </details>
              ),
            },
          ]}
        />
      )}
      {more && (
        <button type="button" className="secondary" disabled={loading} onClick={() => void load(cursor)}>
          {t('loadMore')}
        </button>
      )}
    </section>
  );
}

/** A1 (operators): one tenant's entries, the tenant chosen by name. */
function TenantFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  const tenants = useOperatorTenants();
  return <SelectField label={t('auditTenant')} name="tenantId" value={value} onChange={onChange} options={[{ value: '', label: t('allTenants') }, ...(tenants.data ?? []).map((x) => ({ value: x.id, label: `${x.name} (${x.subdomain})` }))]} />;
}

/** T3: the tenant's settings an administrator changes here (the one-time password requirement); the rest read-only. */
export function AdminSettingsScreen() {
  const { client } = useApp();
  const { t, lang } = useI18n();
  const loaded = useLoad(() => client.data(AdminSettingsDocument), 'admin-settings');
  const action = useAction();
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settingsTitle')}</h1>
      <LoadState loaded={loaded}>
        {({ viewer }) => {
          const tenant = viewer?.tenant;
          if (!tenant) return null;
          return (
            <>
              <Facts
                facts={[
                  [t('tenantName'), tenant.name],
                  [t('subdomain'), tenant.subdomain],
                  [t('mailLocale'), enumLabel(lang, 'locale', tenant.locale)],
                  [t('mailFormat'), enumLabel(lang, 'mail', tenant.mailFormat)],
                  [t('guestPolicy'), enumLabel(lang, 'policy', tenant.guestPolicy)],
                ]}
              />
              <div className="card">
                <h2>{t('totpSetting')}</h2>
                <p data-testid="totp-state">{tenant.requireTotp ? t('totpRequired') : t('totpOptional')}</p>
                <FormRefusal error={action.error} />
                {saved && (
                  <p role="status" className="ok">
                    {t('saved')}
                  </p>
                )}
                <button
                  type="button"
                  disabled={action.busy}
                  onClick={() =>
                    void action.run(async () => {
                      setSaved(false);
                      await client.data(AdminSetRequireTotpDocument, { required: !tenant.requireTotp });
                      setSaved(true);
                      loaded.reload();
                    })
                  }
                >
                  {tenant.requireTotp ? t('totpStopRequiring') : t('totpRequire')}
                </button>
              </div>
              <InvoiceRecipientForm tenantId={tenant.id} current={tenant.invoiceRecipientName ?? null} onSaved={loaded.reload} />
            </>
          );
        }}
      </LoadState>
    </section>
  );
}

/** Q1: the registered name the tenant's next invoices are addressed to; a refusal shows under the field. */
function InvoiceRecipientForm({ tenantId, current, onSaved }: { tenantId: string; current: string | null; onSaved: () => void }) {
  const { client } = useApp();
  const { t } = useI18n();
  const action = useAction();
  const [name, setName] = useState(current ?? '');
  const [saved, setSaved] = useState(false);
  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    void action.run(async () => {
      await client.data(AdminSetInvoiceRecipientNameDocument, { tenantId, name });
      setSaved(true);
      onSaved();
    });
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="recipient-title" noValidate>
      <h2 id="recipient-title">{t('invoiceRecipientTitle')}</h2>
      <p data-testid="recipient-state">{current ?? t('invoiceRecipientNone')}</p>
      <p className="meta">{t('invoiceRecipientHelp')}</p>
      <InputField formId="recipient" label={t('invoiceRecipientName')} name="name" value={name} onChange={setName} error={action.error} maxLength={200} />
      <FormRefusal error={action.error} fields={['name']} />
      {saved && (
        <p role="status" className="ok">
          {t('saved')}
        </p>
      )}
      <button type="submit" disabled={action.busy}>
        {t('save')}
      </button>
    </form>
  );
}
