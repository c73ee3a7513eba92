import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { api } from '../../api/client';
import { Alert, EmptyState, ErrorMessage, PageHeader, ScrollTable, Spinner } from '../../components/ui';
import { useCan, useMe } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { useFormat, useLocale, useT } from '../../i18n/i18n';
import { AuditKind, type AuditEventPage } from '../../../contract/audit';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, AUDIT_KIND_LABELS, auditDetails } from '../../../domain/audit-labels';
import { auditMessages } from './messages';

const PAGE_SIZE = 50;
const FILTER_KEYS = ['from', 'to', 'kind', 'actorId', 'entityType', 'entityId'] as const;

/** /admin/audit — the municipality's whole audit trail, filtered in the URL, paged, exported as CSV or Excel. */
export default function AuditPage() {
  const t = useT(auditMessages);
  usePageTitle(t('title'));
  const { isAdmin } = useCan();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('title')}>
        <p className="muted" style={{ margin: '0.25rem 0 0' }}>{t('intro')}</p>
      </PageHeader>
      {me.data && !isAdmin ? <Alert kind="warn">{t('adminOnly')}</Alert> : me.data ? <AuditView /> : null}
    </>
  );
}

function AuditView() {
  const t = useT(auditMessages);
  const f = useFormat();
  const { locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<(typeof FILTER_KEYS)[number], string>;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = useQuery({
    queryKey: ['audit-events', filter, page],
    queryFn: () => api.get<AuditEventPage>('/audit/trail', { ...filter, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const [draft, setDraft] = useState(filter);
  const set = (k: keyof typeof draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  function apply(ev: FormEvent) {
    ev.preventDefault();
    const next = new URLSearchParams();
    for (const k of FILTER_KEYS) if (draft[k].trim()) next.set(k, draft[k].trim());
    setParams(next);
  }
  const goTo = (p: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    setParams(next);
  };

  const data = query.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const exportQuery = { ...filter, lang: locale };

  return (
    <>
      <form className="card filters" onSubmit={apply} aria-label={t('filters')}>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))', gap: '0 1rem' }}>
          <div className="field">
            <label htmlFor="audit-from">{t('from')}</label>
            <input id="audit-from" type="date" value={draft.from} onChange={set('from')} />
          </div>
          <div className="field">
            <label htmlFor="audit-to">{t('to')}</label>
            <input id="audit-to" type="date" value={draft.to} onChange={set('to')} />
          </div>
          <div className="field">
            <label htmlFor="audit-kind">{t('kind')}</label>
            <select id="audit-kind" value={draft.kind} onChange={set('kind')}>
              <option value="">{t('allKinds')}</option>
              {AuditKind.options.map((k) => <option key={k} value={k}>{f.label(AUDIT_KIND_LABELS, k)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="audit-actor">{t('actor')}</label>
            <select id="audit-actor" value={draft.actorId} onChange={set('actorId')}>
              <option value="">{t('allActors')}</option>
              {(data?.actors ?? []).map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="audit-entity-type">{t('entityType')}</label>
            <select id="audit-entity-type" value={draft.entityType} onChange={set('entityType')}>
              <option value="">{t('allEntities')}</option>
              {Object.keys(AUDIT_ENTITY_LABELS).map((k) => <option key={k} value={k}>{f.label(AUDIT_ENTITY_LABELS, k)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="audit-entity-id">{t('entityId')}</label>
            <input id="audit-entity-id" value={draft.entityId} maxLength={100} onChange={set('entityId')} />
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="btn primary">{t('apply')}</button>
          <button type="button" className="btn" onClick={() => { setDraft(Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])) as typeof draft); setParams(new URLSearchParams()); }}>
            {t('reset')}
          </button>
        </div>
      </form>

      <div className="actions" style={{ margin: '1rem 0' }}>
        <a className="btn" href={api.url('/audit/trail.csv', exportQuery)} download>{t('exportCsv')}</a>
        <a className="btn" href={api.url('/audit/trail.xlsx', exportQuery)} download>{t('exportXlsx')}</a>
        <span className="muted">{t('exportHint')}</span>
      </div>

      <ErrorMessage error={query.error} />
      {!data ? <Spinner label={t('loadingTrail')} /> : data.items.length === 0 ? <EmptyState>{t('none')}</EmptyState> : (
        <>
          <p role="status">{t('count', { n: f.number(data.total) })}</p>
          <ScrollTable label={t('title')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('time')}</th>
                  <th scope="col">{t('event')}</th>
                  <th scope="col">{t('actor')}</th>
                  <th scope="col">{t('entityType')}</th>
                  <th scope="col">{t('details')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((e) => (
                  <tr key={e.id} data-testid="audit-row">
                    <td style={{ whiteSpace: 'nowrap' }}>{f.dateTime(e.at)}</td>
                    <td>{f.label(AUDIT_ACTION_LABELS, e.action)}</td>
                    <td>{e.actorName ?? '–'}</td>
                    <td>{f.label(AUDIT_ENTITY_LABELS, e.entityType)}</td>
                    <td style={{ overflowWrap: 'anywhere' }}>{auditDetails(e.action, e.changes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          <nav className="actions" aria-label={t('paging')} style={{ marginTop: '1rem' }}>
            <button type="button" className="btn" disabled={page <= 1} onClick={() => goTo(page - 1)}>{t('previous')}</button>
            <span>{t('page', { page, pages })}</span>
            <button type="button" className="btn" disabled={page >= pages} onClick={() => goTo(page + 1)}>{t('next')}</button>
          </nav>
        </>
      )}
    </>
  );
}
