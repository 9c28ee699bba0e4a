import { AdminAssignGuestLicenseDocument, AdminUnassignGuestLicenseDocument, LicenceOverviewDocument } from '@kyodo/client';
import { useState } from 'react';
import { useApp, useLoad } from '../app-context.js';
import { LoadState } from '../components.js';
import { FormRefusal, useAction } from '../console-components.js';
import { guestsOf, trialDaysLeft } from '../domain/web-rules.js';
import { formatYen } from '../format.js';
import { enumLabel, useI18n } from '../i18n.js';

/** L3/L5/L16: a tenant administrator's guests (trial days left or licence), the guest licences in force, and the invoices. */
export function LicencesScreen() {
  const { client } = useApp();
  const { t, lang } = useI18n();
  const overview = useLoad(() => client.data(LicenceOverviewDocument), 'licences');
  const [now] = useState(() => new Date());
  const action = useAction();
  return (
    <section aria-labelledby="licences-title">
      <h1 id="licences-title">{t('licencesTitle')}</h1>
      <LoadState loaded={overview}>
        {({ viewer, spaces, invoices }) => {
          const contract = viewer?.tenant.contract;
          const guests = guestsOf(spaces ?? []);
          return (
            <>
              <h2>{t('contract')}</h2>
              {contract && (
                <p data-testid="licences-in-force">
                  {enumLabel(lang, 'course', contract.course)} · {enumLabel(lang, 'cycle', contract.billingCycle)} · {t('licencesInForce', { count: contract.guestLicenses, assigned: contract.guestLicensesAssigned })}
                </p>
              )}
              <h2>{t('guests')}</h2>
              {guests.length === 0 ? (
                <p>{t('noGuests')}</p>
              ) : (
                <table data-testid="guests">
                  <thead>
                    <tr>
                      <th scope="col">{t('cardName')}</th>
                      <th scope="col">{t('email')}</th>
                      <th scope="col">{t('licenceStatus')}</th>
                      <th scope="col">{t('trialDaysLeft')}</th>
                      <th scope="col">{t('actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {guests.map((guest) => {
                      const status = guest.guestLicense?.status;
                      const left = status === 'TRIAL' ? trialDaysLeft(guest.guestLicense?.trialEndsOn, now) : null;
                      // L3: the trial starts at the first sign-in; until then it has no end date
                      const trial = status !== 'TRIAL' ? '—' : left === null ? t('trialNotStarted') : t('days', { n: left });
                      return (
                        <tr key={guest.id}>
                          <td>{guest.name}</td>
                          <td>{guest.email}</td>
                          <td>{status ? enumLabel(lang, 'status', status) : '—'}</td>
                          <td>{trial}</td>
                          <td>
                            {status !== 'FREE' && (
                              <button
                                type="button"
                                className="secondary"
                                disabled={action.busy}
                                aria-label={t(guest.guestLicense?.assigned ? 'unassignLicenceOf' : 'assignLicenceOf', { name: guest.name })}
                                onClick={() =>
                                  void action.run(async () => {
                                    const input = { input: { userId: guest.id } };
                                    if (guest.guestLicense?.assigned) await client.data(AdminUnassignGuestLicenseDocument, input);
                                    else await client.data(AdminAssignGuestLicenseDocument, input);
                                    overview.reload();
                                  })
                                }
                              >
                                {guest.guestLicense?.assigned ? t('unassignLicence') : t('assignLicence')}
                              </button>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
              <FormRefusal error={action.error} />
              <h2>{t('invoices')}</h2>
              {!invoices?.length ? (
                <p>{t('noInvoices')}</p>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('issuedOn')}</th>
                      <th scope="col">{t('total')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {invoices.map((invoice) => (
                      <tr key={invoice.id}>
                        <td>{invoice.issuedOn}</td>
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
