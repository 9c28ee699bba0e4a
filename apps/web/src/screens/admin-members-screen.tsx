import { AdminAddMemberDocument, AdminAddSupportRegistrantDocument, AdminMembersDocument, AdminOrderMemberSeatsDocument, AdminQuoteMemberSeatsDocument, AdminRemoveMemberDocument, AdminRemoveSupportRegistrantDocument, AdminSetMemberAdminDocument, type AdminQuoteMemberSeatsQuery } from '@kyodo/client';
import { useState, type FormEvent } from 'react';
import { useApp, useLoad } from '../app-context.js';
import { LoadState } from '../components.js';
import { Facts, FormRefusal, InputField, newIdempotencyKey, useAction } from '../console-components.js';
import { tokyoDate } from '../domain/web-rules.js';
import { formatYen } from '../format.js';
import { enumLabel, useI18n } from '../i18n.js';

/** T5/T6: a tenant administrator's members (add, remove, support registration) and member seats (quote, then order). */
export function AdminMembersScreen() {
  const { client } = useApp();
  const { t, lang } = useI18n();
  const loaded = useLoad(() => client.data(AdminMembersDocument), 'admin-members');
  const today = tokyoDate(new Date());
  return (
    <section aria-labelledby="members-title">
      <h1 id="members-title">{t('membersTitle')}</h1>
      <LoadState loaded={loaded}>
        {({ viewer, memberSeatOrders }) => {
          const tenant = viewer?.tenant;
          const contract = tenant?.contract;
          // T6: an order whose seats change later (a decrease from the 1st or the renewal) is "ordered", not yet in force
          const pending = (memberSeatOrders ?? []).filter((o) => o.seatsFrom > today).at(-1);
          return (
            <>
              {contract && (
                <p data-testid="seats" className="promise">
                  {t('seatsLine', { seats: contract.memberSeats, active: tenant?.activeMemberCount ?? 0 })} · {enumLabel(lang, 'course', contract.course)} · {enumLabel(lang, 'cycle', contract.billingCycle)}
                  {pending && <> · {t('seatsOrdered', { seats: pending.seatsAfter, from: pending.seatsFrom })}</>}
                </p>
              )}
              <MemberTable members={tenant?.members ?? []} viewerId={viewer?.id ?? ''} reload={loaded.reload} />
              <AddMemberForm reload={loaded.reload} />
              <SeatChange reload={loaded.reload} annual={contract?.billingCycle === 'ANNUAL'} lang={lang} />
            </>
          );
        }}
      </LoadState>
    </section>
  );
}

interface MemberRow {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  isSupportRegistrant?: boolean | null;
}

function MemberTable({ members, viewerId, reload }: { members: MemberRow[]; viewerId: string; reload: () => void }) {
  const { client } = useApp();
  const { t } = useI18n();
  const action = useAction();
  return (
    <>
      <h2>{t('membersList')}</h2>
      <table data-testid="members">
        <thead>
          <tr>
            <th scope="col">{t('cardName')}</th>
            <th scope="col">{t('email')}</th>
            <th scope="col">{t('role')}</th>
            <th scope="col">{t('supportRegistrant')}</th>
            <th scope="col">{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <td>{m.name}</td>
              <td className="wrap">{m.email}</td>
              <td data-label={t('role')}>
                <RoleControl member={m} self={m.id === viewerId} reload={reload} />
              </td>
              <td data-label={t('supportRegistrant')}>
                <input
                  type="checkbox"
                  checked={!!m.isSupportRegistrant}
                  aria-label={t('supportRegistrantOf', { name: m.name })}
                  disabled={action.busy}
                  onChange={() =>
                    void action.run(async () => {
                      if (m.isSupportRegistrant) await client.data(AdminRemoveSupportRegistrantDocument, { userId: m.id });
                      else await client.data(AdminAddSupportRegistrantDocument, { userId: m.id });
                      reload();
                    })
                  }
                />
              </td>
              <td>
                {m.id !== viewerId && (
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('removeMemberOf', { name: m.name })}
                    disabled={action.busy}
                    onClick={() => {
                      if (!window.confirm(t('removeMemberConfirm', { name: m.name }))) return;
                      void action.run(async () => {
                        await client.data(AdminRemoveMemberDocument, { userId: m.id });
                        reload();
                      });
                    }}
                  >
                    {t('remove')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormRefusal error={action.error} />
    </>
  );
}

/** T2: makes or unmakes a member an administrator (a checkbox: Space toggles it); the API's refusal (the last administrator) shown in the same cell. */
function RoleControl({ member, self, reload }: { member: MemberRow; self: boolean; reload: () => void }) {
  const { client } = useApp();
  const { t } = useI18n();
  const action = useAction();
  const refusalId = `admin-refusal-${member.id}`;
  return (
    <>
      <label className="check">
        <input
          type="checkbox"
          checked={member.isAdmin}
          aria-label={t('adminOf', { name: member.name })}
          aria-describedby={action.error ? refusalId : undefined}
          disabled={action.busy}
          onChange={() => {
            // demoting oneself ends one's own administrator session at once (T5): asked first
            if (self && member.isAdmin && !window.confirm(t('unmakeSelfAdminConfirm'))) return;
            void action.run(async () => {
              await client.data(AdminSetMemberAdminDocument, { userId: member.id, isAdmin: !member.isAdmin });
              reload();
            });
          }}
        />{' '}
        {member.isAdmin ? t('roleAdmin') : t('roleMember')}
      </label>
      {action.error != null && (
        <div id={refusalId}>
          <FormRefusal error={action.error} testId={refusalId} />
        </div>
      )}
    </>
  );
}

function AddMemberForm({ reload }: { reload: () => void }) {
  const { client } = useApp();
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const action = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    const done = await action.run(() => client.data(AdminAddMemberDocument, { input: { name, email } }));
    if (done) {
      setAdded(done.addMember.name);
      setName('');
      setEmail('');
      reload();
    }
  }
  return (
    <form onSubmit={submit} className="card" aria-labelledby="add-member-title">
      <h2 id="add-member-title">{t('addMember')}</h2>
      <div className="row">
        <InputField formId="add-member" label={t('memberName')} name="name" value={name} onChange={setName} error={action.error} required autoComplete="off" />
        <InputField formId="add-member" label={t('email')} name="email" type="email" value={email} onChange={setEmail} error={action.error} required autoComplete="off" />
      </div>
      <FormRefusal error={action.error} fields={['name', 'email']} testId="add-member-refusal" />
      {added && (
        <p role="status" className="ok">
          {t('memberAdded', { name: added })}
        </p>
      )}
      <button type="submit" disabled={action.busy}>
        {t('add')}
      </button>
    </form>
  );
}

type SeatQuote = AdminQuoteMemberSeatsQuery['quoteMemberSeats'];

function SeatChange({ reload, annual, lang }: { reload: () => void; annual: boolean; lang: 'ja' | 'en' }) {
  const { client } = useApp();
  const { t } = useI18n();
  const [quantity, setQuantity] = useState('1');
  const [forRenewal, setForRenewal] = useState(false);
  const [quote, setQuote] = useState<{ quote: SeatQuote; key: string } | null>(null);
  const [ordered, setOrdered] = useState<string | null>(null);
  const action = useAction();
  const input = () => ({ quantity: Number(quantity), forRenewal: annual ? forRenewal : undefined });

  async function ask(event: FormEvent) {
    event.preventDefault();
    setOrdered(null);
    setQuote(null);
    const answer = await action.run(() => client.data(AdminQuoteMemberSeatsDocument, { input: input() }));
    if (answer) setQuote({ quote: answer.quoteMemberSeats, key: newIdempotencyKey() });
  }
  async function order() {
    if (!quote) return;
    const answer = await action.run(() => client.data(AdminOrderMemberSeatsDocument, { input: { ...input(), idempotencyKey: quote.key } }));
    if (answer) {
      setQuote(null);
      setOrdered(t('seatsOrderedDone', { seats: answer.orderMemberSeats.seatsAfter, from: answer.orderMemberSeats.seatsFrom, total: formatYen(answer.orderMemberSeats.total, lang) }));
      reload();
    }
  }
  return (
    <form onSubmit={ask} className="card" aria-labelledby="seat-change-title">
      <h2 id="seat-change-title">{t('seatChange')}</h2>
      <p className="meta">{t('seatChangeHelp')}</p>
      <div className="row">
        <InputField formId="seats" label={t('seatQuantity')} name="quantity" type="number" step={1} value={quantity} onChange={(v) => (setQuantity(v), setQuote(null))} error={action.error} required />
      </div>
      {annual && (
        <label className="check">
          <input type="checkbox" checked={forRenewal} onChange={(e) => (setForRenewal(e.target.checked), setQuote(null))} /> {t('forRenewal')}
        </label>
      )}
      <FormRefusal error={action.error} fields={['quantity']} testId="seat-refusal" />
      <button type="submit" disabled={action.busy}>
        {t('getQuote')}
      </button>
      {quote && <QuoteTable testId="seat-quote" rows={[[t('seatsAfter'), String(quote.quote.seatsAfter)], [t('seatsFrom'), quote.quote.seatsFrom], [t('unitPrice'), formatYen(quote.quote.unitPrice, lang)], [t('months'), quote.quote.months == null ? '—' : String(quote.quote.months)], [t('subtotal'), formatYen(quote.quote.subtotal, lang)], [t('tax'), formatYen(quote.quote.tax, lang)], [t('totalDue'), formatYen(quote.quote.total, lang)]]} />}
      {quote && (
        <button type="button" onClick={() => void order()} disabled={action.busy}>
          {t('orderAsQuoted')}
        </button>
      )}
      {ordered && (
        <p role="status" className="ok">
          {ordered}
        </p>
      )}
    </form>
  );
}

/** A quote, shown before anything is ordered. */
export function QuoteTable({ rows, testId }: { rows: [string, string][]; testId: string }) {
  const { t } = useI18n();
  return <Facts facts={rows} testId={testId} label={t('quote')} />;
}
