import { AdminSetInvoiceRecipientNameDocument, AdminSetRequireTotpDocument, AdminSettingsDocument, ConsoleAuditLogDocument, type ConsoleAuditLogQuery } from '@kyodo/client';
import { useEffect, useState, type FormEvent } from 'react';
import { useApp, useLoad } from '../app-context.js';
import { ErrorNote, LoadState } from '../components.js';
import { FormRefusal, InputField, SelectField, useAction } from '../console-components.js';
import { filterAudit, type AuditFilter } from '../domain/console-rules.js';
import { formatDateTime } from '../format.js';
import { actionLabel, enumLabel, useI18n } from '../i18n.js';

type Entry = NonNullable<ConsoleAuditLogQuery['auditLog']>['edges'][number]['node'];
const PAGE = 100;

/**
 * A1: the audit log, newest first: a tenant administrator's own tenant, a vendor operator's every
 * tenant. `auditLog` takes only paging (first/after), so the filters apply to the pages loaded here.
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

  async function load(after: string | null) {
    setLoading(true);
    try {
      const { auditLog } = await client.data(ConsoleAuditLogDocument, { first: PAGE, after });
      setEntries((before) => [...(after ? before : []), ...(auditLog?.edges.map((e) => e.node) ?? [])]);
      setCursor(auditLog?.pageInfo.endCursor ?? null);
      setMore(auditLog?.pageInfo.hasNextPage ?? false);
    } catch (caught) {
      setError(caught);
    }
    setLoading(false);
  }
  useEffect(() => {
    void load(null);
    // the first page once; later pages on request
  }, []);

  const actions = [...new Set(entries.map((e) => e.action))].sort();
  const shown = filterAudit(entries, filter);
  const set = (key: keyof AuditFilter) => (value: string) => setFilter((f) => ({ ...f, [key]: value }));
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('auditTitle')}</h1>
      <form className="card" aria-label={t('auditFilters')} onSubmit={(e) => e.preventDefault()}>
        <div className="row">
          <SelectField label={t('auditAction')} name="action" value={filter.action} onChange={set('action')} options={[{ value: '', label: t('all') }, ...actions.map((a) => ({ value: a, label: actionLabel(lang, a) }))]} />
          <InputField formId="audit" label={t('auditActor')} name="actor" value={filter.actor} onChange={set('actor')} error={null} />
          <InputField formId="audit" label={t('fromDate')} name="from" type="date" value={filter.from} onChange={set('from')} error={null} />
          <InputField formId="audit" label={t('toDate')} name="to" type="date" value={filter.to} onChange={set('to')} error={null} />
          {acrossTenants && <InputField formId="audit" label={t('tenantId')} name="tenantId" value={filter.tenantId} onChange={set('tenantId')} error={null} />}
        </div>
        <p className="meta">{t('auditFilterNote', { count: entries.length })}</p>
      </form>
      <ErrorNote error={error} />
      {loading && entries.length === 0 ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : shown.length === 0 ? (
        <p>{t('noAudit')}</p>
      ) : (
        <table data-testid="audit-log">
          <thead>
            <tr>
              <th scope="col">{t('auditAt')}</th>
              <th scope="col">{t('auditActor')}</th>
              <th scope="col">{t('auditAction')}</th>
              <th scope="col">{t('auditSubject')}</th>
              {acrossTenants && <th scope="col">{t('tenantId')}</th>}
              <th scope="col">{t('auditChange')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at, lang)}</td>
                <td>{e.actor.display}</td>
                <td>
                  {actionLabel(lang, e.action)} <code className="meta">{e.action}</code>
                </td>
                <td className="wrap">{e.subject}</td>
                {acrossTenants && <td>{e.tenantId ?? t('vendorData')}</td>}
                <td>
                  <details>
                    <summary>{t('auditChange')}</summary>
                    <pre className="wrap">
                      {e.before ?? '—'} → {e.after ?? '—'}
                    </pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more && (
        <button type="button" className="secondary" disabled={loading} onClick={() => void load(cursor)}>
          {t('loadMore')}
        </button>
      )}
    </section>
  );
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
              <dl className="quote">
                <div>
                  <dt>{t('tenantName')}</dt>
                  <dd>{tenant.name}</dd>
                </div>
                <div>
                  <dt>{t('subdomain')}</dt>
                  <dd>{tenant.subdomain}</dd>
                </div>
                <div>
                  <dt>{t('mailLocale')}</dt>
                  <dd>{enumLabel(lang, 'locale', tenant.locale)}</dd>
                </div>
                <div>
                  <dt>{t('mailFormat')}</dt>
                  <dd>{enumLabel(lang, 'mail', tenant.mailFormat)}</dd>
                </div>
                <div>
                  <dt>{t('guestPolicy')}</dt>
                  <dd>{enumLabel(lang, 'policy', tenant.guestPolicy)}</dd>
                </div>
              </dl>
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
