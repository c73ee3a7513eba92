import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ErrorMessage, PageHeader, ScrollTable, Spinner } from '../../components/ui';
import { useCan } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { useFormat, useT } from '../../i18n/i18n';
import { STATUS_LABELS } from '../../../domain/labels';
import type { DepartmentHome, HomeDeadline, RecentChange } from '../../../contract/home';
import { useConceptNames } from '../measures/useConcept';
import { useValueFormat } from '../measures/useValueFormat';
import { messages } from './messages';
import './home.css';

/**
 * "Mein Amt" — a department's home: what is overdue or waits, the ratings the user owes, application
 * deadlines, the department's measures and what others changed. A department member sees their own
 * department (at / and /home/department); coordinators and admins pick any department (?department=).
 */
export default function DepartmentHomePage() {
  const t = useT(messages);
  const can = useCan();
  const [sp, setSp] = useSearchParams();
  const picking = can.role === 'admin' || can.role === 'coordinator';
  const departmentId = picking ? sp.get('department') ?? undefined : undefined;
  const q = useQuery({
    queryKey: ['home', 'department', departmentId ?? 'own'],
    queryFn: () => api.get<DepartmentHome>('/home/department', { departmentId }),
  });
  const h = q.data;
  const title = h ? (picking ? t('deptTitle', { name: h.department.name }) : t('myTitle', { name: h.department.name })) : t('deptTitlePlain');
  usePageTitle(title);

  return (
    <>
      <PageHeader title={title}>
        <p className="muted intro">{t('deptIntro')}</p>
      </PageHeader>
      {picking && h && <DepartmentPicker home={h} onPick={(id) => setSp({ department: id })} />}
      <ErrorMessage error={q.error} />
      {q.isPending && <Spinner label={t('loading')} />}
      {h && (
        <div className="home-grid">
          <Attention home={h} />
          <section className="card" aria-labelledby="home-ratings">
            <h2 id="home-ratings">{t('ratings', { n: h.ratingsOwed.length })}</h2>
            {!h.ratingsOwed.length ? <p className="muted">{t('noRatings')}</p> : (
              <ul className="home-list">
                {h.ratingsOwed.map((r) => (
                  <li key={r.roundId}>
                    <Link to={`/priorities/rounds/${r.roundId}`}>{t('rate', { name: r.name })}</Link>
                    <div className="muted small">{t('ratingProgress', { done: r.done, total: r.total })}</div>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <Deadlines items={h.deadlines} />
          <MeasureList home={h} />
          <Changes items={h.recentChanges} />
        </div>
      )}
    </>
  );
}

function DepartmentPicker({ home, onPick }: { home: DepartmentHome; onPick: (id: string) => void }) {
  const t = useT(messages);
  const [value, setValue] = useState(home.department.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onPick(value);
  };
  return (
    <form className="home-picker" onSubmit={submit}>
      <div className="field">
        <label htmlFor="home-department">{t('pickDepartment')}</label>
        <select id="home-department" value={value} onChange={(e) => setValue(e.target.value)}>
          {home.departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </select>
      </div>
      <button type="submit" className="btn">{t('show')}</button>
    </form>
  );
}

function Attention({ home }: { home: DepartmentHome }) {
  const t = useT(messages);
  const fmt = useFormat();
  const days = (n: number) => (n === 1 ? t('dayOverdue') : t('daysOverdue', { n }));
  return (
    <section className="card home-attention" aria-labelledby="home-attention">
      <h2 id="home-attention">{t('attention')}</h2>
      <h3>{t('overdue', { n: home.overdue.length })}</h3>
      {!home.overdue.length ? <p className="muted">{t('noOverdue')}</p> : (
        <ul className="home-list">
          {home.overdue.map((o) => (
            <li key={`${o.kind}-${o.measure.id}-${o.milestone ?? ''}-${o.dueOn}`}>
              <Link to={`/measures/${o.measure.id}`}>Nr. {o.measure.number} {o.measure.title}</Link>
              <div className="small">
                {o.kind === 'milestone' ? t('overdueMilestone', { title: o.milestone ?? '', date: fmt.date(o.dueOn) }) : t('overdueEnd', { date: fmt.date(o.dueOn) })}
                {' – '}<strong>{days(o.daysOverdue)}</strong>
              </div>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('blocked', { n: home.blocked.length })}</h3>
      {!home.blocked.length ? <p className="muted">{t('noBlocked')}</p> : (
        <ul className="home-list">
          {home.blocked.map((b) => (
            <li key={`${b.measure.id}-${b.waitsFor.id}`}>
              <Link to={`/measures/${b.measure.id}`}>Nr. {b.measure.number} {b.measure.title}</Link>
              <div className="small">
                {t('waitsFor', { number: b.waitsFor.number, title: b.waitsFor.title, status: fmt.label(STATUS_LABELS, b.waitsFor.status) })}
                {b.startPassed && <> – <strong>{t('startPassed')}</strong></>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Deadlines({ items }: { items: HomeDeadline[] }) {
  const t = useT(messages);
  const fmt = useFormat();
  const when = (d: number) => (d < 0 ? t('passedDays', { n: -d }) : d === 0 ? t('today') : d === 1 ? t('inOneDay') : t('inDays', { n: d }));
  return (
    <section className="card" aria-labelledby="home-deadlines">
      <h2 id="home-deadlines">{t('deadlines', { n: items.length })}</h2>
      {!items.length ? <p className="muted">{t('noDeadlines')}</p> : (
        <ul className="home-list">
          {items.map((d) => (
            <li key={d.key} className={d.daysLeft < 0 ? 'home-passed' : undefined}>
              <strong>{fmt.date(d.date)}</strong> <span className="small">({when(d.daysLeft)})</span>
              <div><Link to={`/measures/${d.measure.id}/funding`}>Nr. {d.measure.number} {d.measure.title}</Link></div>
              <div className="muted small">{d.source}</div>
            </li>
          ))}
        </ul>
      )}
      <p className="small"><Link to="/funding/deadlines">{t('allDeadlines')}</Link></p>
      <p className="muted small">{t('boardNote')}</p>
    </section>
  );
}

function MeasureList({ home }: { home: DepartmentHome }) {
  const t = useT(messages);
  const fmt = useFormat();
  const cols = { number: t('colNumber'), title: t('colTitle'), status: t('colStatus'), role: t('colRole'), period: t('colPeriod') };
  const period = (a: string | null, b: string | null) => (a || b ? `${fmt.date(a)} – ${fmt.date(b)}` : '–');
  return (
    <section className="card home-wide" aria-labelledby="home-measures">
      <h2 id="home-measures">{t('measures', { n: home.measures.length })}</h2>
      {!home.measures.length ? (
        <>
          <p>{t('noMeasures')}</p>
          <p className="muted">{t('noMeasuresHint')}</p>
          <p><Link to="/responsibility">{t('toResponsibility')}</Link></p>
        </>
      ) : (
        <ScrollTable label={t('measuresCaption')}>
          <table className="data home-table">
            <caption className="visually-hidden">{t('measuresCaption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">{cols.number}</th>
                <th scope="col">{cols.title}</th>
                <th scope="col">{cols.status}</th>
                <th scope="col">{cols.role}</th>
                <th scope="col">{cols.period}</th>
              </tr>
            </thead>
            <tbody>
              {home.measures.map((m) => (
                <tr key={m.id}>
                  <td data-label={cols.number} className="num">{m.number}</td>
                  <td data-label={cols.title}><Link to={`/measures/${m.id}`}>{m.title}</Link></td>
                  <td data-label={cols.status}><span className={`badge status-badge s-${m.status}`}>{fmt.label(STATUS_LABELS, m.status)}</span></td>
                  <td data-label={cols.role}>{t(`role_${m.role}`)}</td>
                  <td data-label={cols.period}>{period(m.plannedStart, m.plannedEnd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}

function Changes({ items }: { items: RecentChange[] }) {
  const t = useT(messages);
  const fmt = useFormat();
  const { names } = useConceptNames();
  const { label: fieldLabel } = useValueFormat(names);
  // changes recorded by the funding plan and attachments, named as people read them
  const label = (field: string) => (field === 'fundingPlan' ? t('fundingPlan') : field === 'attachment' ? t('attachment') : fieldLabel(field));
  const said = { create: 'createdBy', update: 'changedBy', delete: 'deletedBy' } as const;
  return (
    <section className="card home-wide" aria-labelledby="home-changes">
      <h2 id="home-changes">{t('changes')}</h2>
      {!items.length ? <p className="muted">{t('noChanges')}</p> : (
        <ul className="home-list">
          {items.map((c) => (
            <li key={c.id}>
              <span className="muted small">{fmt.dateTime(c.at)}</span>{' '}
              <Link to={`/measures/${c.measure.id}`}>{t(said[c.action], { who: c.actorName ?? t('someone'), number: c.measure.number, title: c.measure.title })}</Link>
              {c.action === 'update' && c.fields.length > 0 && (
                <div className="muted small">{t('fields', { fields: c.fields.slice(0, 6).map(label).join(', ') + (c.fields.length > 6 ? ' …' : '') })}</div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
