import { MyTicketsDocument, OpenTicketDocument, PromisedAnswerTimeDocument, TicketFormOptionsDocument } from '@kyodo/client';
import { useEffect, useState, type FormEvent } from 'react';
import { useApp, useLoad } from '../app-context.js';
import { ErrorNote, Field, LoadState } from '../components.js';
import { formatDateTime } from '../format.js';
import { enumLabel, useI18n } from '../i18n.js';

/** P1: a support registrant's organisation's tickets, and a new one with the answer time promised before it is sent (P7). */
export function TicketsScreen() {
  const { client } = useApp();
  const { t, lang } = useI18n();
  const tickets = useLoad(() => client.data(MyTicketsDocument), 'my-tickets');
  return (
    <section aria-labelledby="tickets-title">
      <h1 id="tickets-title">{t('ticketsTitle')}</h1>
      <NewTicketForm onSent={tickets.reload} />
      <h2>{t('ticketsTitle')}</h2>
      <LoadState loaded={tickets}>
        {({ myTickets }) =>
          !myTickets?.edges.length ? (
            <p>{t('noTickets')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('subject')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('received')}</th>
                  <th scope="col">{t('due')}</th>
                </tr>
              </thead>
              <tbody>
                {myTickets.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <td>{node.subject}</td>
                    <td>{enumLabel(lang, 'ticket', node.status)}</td>
                    <td>{formatDateTime(node.createdAt, lang)}</td>
                    <td>{formatDateTime(node.dueAt, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>
    </section>
  );
}

/** How often the promised time is asked again while the form is open (it moves at 17:30 and at midnight, Tokyo). */
const PROMISE_REFRESH_MS = 60_000;

function NewTicketForm({ onSent }: { onSent: () => void }) {
  const { client } = useApp();
  const { t, lang } = useI18n();
  const options = useLoad(() => client.data(TicketFormOptionsDocument), 'ticket-options');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [productId, setProductId] = useState('');
  const [version, setVersion] = useState('');
  const [category, setCategory] = useState('');
  const [promised, setPromised] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // P7: the customer sees when the answer is due before deciding to send
  useEffect(() => {
    let live = true;
    const ask = () =>
      client.data(PromisedAnswerTimeDocument, { receivedAt: new Date().toISOString() }).then(
        ({ businessDeadline }) => live && setPromised(businessDeadline),
        () => live && setPromised(null),
      );
    void ask();
    const timer = setInterval(() => void ask(), PROMISE_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [client]);

  const products = options.data?.supportProducts ?? [];
  const categories = options.data?.supportCategories ?? [];
  const product = products.find((p) => p.id === productId) ?? products[0];
  const versions = product?.versions.filter((v) => v.supported) ?? [];
  const chosenVersion = version || versions[0]?.version || '';
  const chosenCategory = category || categories.find((c) => c.inScope)?.code || '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!product) return;
    setBusy(true);
    setError(null);
    try {
      const { openTicket } = await client.data(OpenTicketDocument, {
        input: { subject: subject.trim(), body: body.trim(), productId: product.id, productVersion: chosenVersion, category: chosenCategory, channel: 'ONLINE' },
      });
      setSent(openTicket.dueAt);
      setSubject('');
      setBody('');
      onSent();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-labelledby="new-ticket-title" className="card">
      <h2 id="new-ticket-title">{t('newTicket')}</h2>
      <ErrorNote error={options.error} />
      <Field label={t('subject')}>
        <input name="subject" value={subject} onChange={(e) => setSubject(e.target.value)} required />
      </Field>
      <Field label={t('body')}>
        <textarea name="body" value={body} onChange={(e) => setBody(e.target.value)} rows={4} required />
      </Field>
      <div className="row">
        <Field label={t('product')}>
          <select name="product" value={product?.id ?? ''} onChange={(e) => { setProductId(e.target.value); setVersion(''); }}>
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('version')}>
          <select name="version" value={chosenVersion} onChange={(e) => setVersion(e.target.value)}>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                {v.version}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('category')}>
          <select name="category" value={chosenCategory} onChange={(e) => setCategory(e.target.value)}>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {lang === 'ja' ? c.labelJa : c.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {promised && (
        <p className="promise" role="status" data-testid="promised-answer-time">
          {t('promised', { due: formatDateTime(promised, lang) })}
        </p>
      )}
      <ErrorNote error={error} />
      <button type="submit" disabled={busy || !product}>
        {t('send')}
      </button>
      {sent && (
        <p role="status" className="ok">
          {t('sent', { due: formatDateTime(sent, lang) })}
        </p>
      )}
    </form>
  );
}
