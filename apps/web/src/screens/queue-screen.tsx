import { SupportQueueDocument, type SupportQueueQuery } from '@kyodo/client';
import { useEffect, useState } from 'react';
import { useApp, useLoad } from '../app-context.js';
import { LoadState } from '../components.js';
import { queueOrder } from '../domain/web-rules.js';
import { formatDateTime } from '../format.js';
import { enumLabel, useI18n } from '../i18n.js';
import { subscribeToTicketUpdates } from '../live-updates.js';

type QueueTicket = NonNullable<SupportQueueQuery['supportQueue']>['edges'][number]['node'];

/** P7: the agents' queue, late tickets first, then by due time. */
export function QueueScreen() {
  const { client } = useApp();
  const { t, lang } = useI18n();
  const queue = useLoad(() => client.data(SupportQueueDocument), 'queue');
  const reload = queue.reload;
  // the seam for ticketUpdated: until the event carries the whole row, a change reloads the queue
  useEffect(() => subscribeToTicketUpdates(client, () => reload()), [client, reload]);
  const [now] = useState(() => new Date());
  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">{t('queueTitle')}</h1>
      <LoadState loaded={queue}>
        {({ supportQueue }) => {
          const tickets: QueueTicket[] = queueOrder(supportQueue?.edges.map((e) => e.node) ?? [], now);
          if (tickets.length === 0) return <p>{t('noQueue')}</p>;
          return (
            <table data-testid="queue">
              <thead>
                <tr>
                  <th scope="col">{t('due')}</th>
                  <th scope="col">{t('subject')}</th>
                  <th scope="col">{t('requester')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('priority')}</th>
                </tr>
              </thead>
              <tbody>
                {tickets.map((ticket) => (
                  <tr key={ticket.id} className={ticket.isLate ? 'late' : undefined}>
                    <td>
                      {ticket.isLate && <span className="badge late">{t('late')}</span>} {formatDateTime(ticket.dueAt, lang)}
                    </td>
                    <td>{ticket.subject}</td>
                    <td>{ticket.requester.name}</td>
                    <td>{enumLabel(lang, 'ticket', ticket.status)}</td>
                    <td>{enumLabel(lang, 'priority', ticket.priority)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        }}
      </LoadState>
    </section>
  );
}
