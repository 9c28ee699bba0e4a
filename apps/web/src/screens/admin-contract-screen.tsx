import { AdminMembersDocument, AdminOrderCourseChangeDocument, AdminQuoteCourseChangeDocument, type AdminQuoteCourseChangeQuery, type Course } from '@kyodo/client';
import { useState, type FormEvent } from 'react';
import { useApp, useLoad } from '../app-context.js';
import { LoadState } from '../components.js';
import { DataTable, Facts, FormRefusal, newIdempotencyKey, SelectField, useAction } from '../console-components.js';
import { formatYen } from '../format.js';
import { enumLabel, useI18n } from '../i18n.js';
import { QuoteTable } from './admin-members-screen.js';

/** T6: the base contract, a course change (quote, then order) and the seat and course orders made. */
export function AdminContractScreen() {
  const { client } = useApp();
  const { t, lang } = useI18n();
  const loaded = useLoad(() => client.data(AdminMembersDocument), 'admin-contract');
  return (
    <section aria-labelledby="contract-title">
      <h1 id="contract-title">{t('contractTitle')}</h1>
      <LoadState loaded={loaded}>
        {({ viewer, memberSeatOrders, courseOrders }) => {
          const contract = viewer?.tenant.contract;
          return (
            <>
              {contract && (
                <Facts
                  testId="contract"
                  facts={[
                    [t('course'), enumLabel(lang, 'course', contract.course)],
                    [t('billingCycle'), enumLabel(lang, 'cycle', contract.billingCycle)],
                    [t('status'), enumLabel(lang, 'contract', contract.status)],
                    [t('memberSeats'), contract.memberSeats],
                    [t('termEnds'), contract.endsOn ?? '—'],
                  ]}
                />
              )}
              {contract && <CourseChange current={contract.course} annual={contract.billingCycle === 'ANNUAL'} reload={loaded.reload} />}
              <h2>{t('seatOrders')}</h2>
              <DataTable
                testId="seat-orders"
                rows={memberSeatOrders ?? []}
                rowKey={(o) => o.id}
                empty={t('noOrders')}
                columns={[
                  { header: t('orderDate'), cell: (o) => o.orderDate },
                  { header: t('seatQuantity'), cell: (o) => (o.quantity > 0 ? `+${o.quantity}` : o.quantity) },
                  { header: t('seatsAfter'), cell: (o) => o.seatsAfter },
                  { header: t('seatsFrom'), cell: (o) => o.seatsFrom },
                  { header: t('totalDue'), cell: (o) => formatYen(o.total, lang) },
                ]}
              />
              <h2>{t('courseOrders')}</h2>
              <DataTable
                rows={courseOrders ?? []}
                rowKey={(o) => o.id}
                empty={t('noOrders')}
                columns={[
                  { header: t('orderDate'), cell: (o) => o.orderDate },
                  { header: t('course'), cell: (o) => `${enumLabel(lang, 'course', o.courseBefore)} → ${enumLabel(lang, 'course', o.course)}` },
                  { header: t('courseFrom'), cell: (o) => o.courseFrom },
                  { header: t('totalDue'), cell: (o) => formatYen(o.total, lang) },
                ]}
              />
            </>
          );
        }}
      </LoadState>
    </section>
  );
}

type CourseQuote = AdminQuoteCourseChangeQuery['quoteCourseChange'];

function CourseChange({ current, annual, reload }: { current: Course; annual: boolean; reload: () => void }) {
  const { client } = useApp();
  const { t, lang } = useI18n();
  const [course, setCourse] = useState<Course>(current === 'LIGHT' ? 'STANDARD' : 'LIGHT');
  const [forRenewal, setForRenewal] = useState(false);
  const [quote, setQuote] = useState<{ quote: CourseQuote; key: string } | null>(null);
  const [ordered, setOrdered] = useState<string | null>(null);
  const action = useAction();
  const input = () => ({ course, forRenewal: annual ? forRenewal : undefined });
  async function ask(event: FormEvent) {
    event.preventDefault();
    setQuote(null);
    setOrdered(null);
    const answer = await action.run(() => client.data(AdminQuoteCourseChangeDocument, { input: input() }));
    if (answer) setQuote({ quote: answer.quoteCourseChange, key: newIdempotencyKey() });
  }
  async function order() {
    if (!quote) return;
    const answer = await action.run(() => client.data(AdminOrderCourseChangeDocument, { input: { ...input(), idempotencyKey: quote.key } }));
    if (answer) {
      setQuote(null);
      setOrdered(t('courseOrdered', { course: enumLabel(lang, 'course', answer.orderCourseChange.course), from: answer.orderCourseChange.courseFrom }));
      reload();
    }
  }
  return (
    <form onSubmit={ask} className="card" aria-labelledby="course-change-title">
      <h2 id="course-change-title">{t('courseChange')}</h2>
      <SelectField label={t('newCourse')} name="course" value={course} onChange={(v) => (setCourse(v as Course), setQuote(null))} options={(['LIGHT', 'STANDARD'] as const).map((c) => ({ value: c, label: enumLabel(lang, 'course', c) }))} />
      {annual && (
        <label className="check">
          <input type="checkbox" checked={forRenewal} onChange={(e) => (setForRenewal(e.target.checked), setQuote(null))} /> {t('forRenewal')}
        </label>
      )}
      <FormRefusal error={action.error} />
      <button type="submit" disabled={action.busy}>
        {t('getQuote')}
      </button>
      {quote && <QuoteTable testId="course-quote" rows={[[t('course'), `${enumLabel(lang, 'course', quote.quote.courseBefore)} → ${enumLabel(lang, 'course', quote.quote.course)}`], [t('courseFrom'), quote.quote.courseFrom], [t('memberSeats'), String(quote.quote.seats)], [t('unitPrice'), formatYen(quote.quote.unitPrice, lang)], [t('months'), quote.quote.months == null ? '—' : String(quote.quote.months)], [t('subtotal'), formatYen(quote.quote.subtotal, lang)], [t('tax'), formatYen(quote.quote.tax, lang)], [t('totalDue'), formatYen(quote.quote.total, lang)]]} />}
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
