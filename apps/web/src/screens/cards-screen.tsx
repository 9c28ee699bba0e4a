import { CardListDocument } from '@kyodo/client';
import { useState, type FormEvent } from 'react';
import { useApp, useLoad } from '../app-context.js';
import { Field, LoadState } from '../components.js';
import { useI18n } from '../i18n.js';

/** C3: the cards the member may see, searched by name, reading, company or email (kana and width folded by cards); L15: the scan quota. */
export function CardsScreen() {
  const { client } = useApp();
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const cards = useLoad(() => client.data(CardListDocument, { search: search || null, first: 50 }), `cards:${search}`);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSearch(draft.trim());
  }

  return (
    <section aria-labelledby="cards-title">
      <h1 id="cards-title">{t('cardsTitle')}</h1>
      <LoadState loaded={cards}>
        {({ viewer }) => {
          const quota = viewer?.tenant.cardQuota;
          if (!quota) return null;
          const total = quota.included + quota.purchased;
          return (
            <div className="quota" role="group" aria-label={t('quota')}>
              <strong>{t('labelled', { label: t('quota') })}</strong>
              {t('quotaLine', { used: quota.used, total, remaining: quota.remaining })}
              <meter min={0} max={total} value={quota.used} aria-label={t('quota')} />
            </div>
          );
        }}
      </LoadState>
      <form role="search" onSubmit={submit} className="inline">
        <Field label={t('search')}>
          <input name="search" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </Field>
        <button type="submit">{t('searchButton')}</button>
      </form>
      <LoadState loaded={cards}>
        {({ cards: connection }) =>
          !connection?.edges.length ? (
            <p role="status">{t('noCards')}</p>
          ) : (
            <table aria-busy={cards.loading}>
              <thead>
                <tr>
                  <th scope="col">{t('cardName')}</th>
                  <th scope="col">{t('reading')}</th>
                  <th scope="col">{t('company')}</th>
                  <th scope="col">{t('email')}</th>
                </tr>
              </thead>
              <tbody>
                {connection.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <td>{node.name}</td>
                    <td>{node.nameReading}</td>
                    <td>
                      {node.company}
                      {node.department ? ` ${node.department}` : ''}
                    </td>
                    <td>{node.email}</td>
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
