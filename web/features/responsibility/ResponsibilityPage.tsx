import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { EmptyState, ErrorMessage, PageHeader, Spinner } from '../../components/ui';
import { StatusMessage } from '../../app/forms';
import { useCan } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { useT } from '../../i18n/i18n';
import type { CellResult, MatrixDepartment, MatrixRow, ResponsibilityRole } from '../../../contract/responsibility';
import { useConceptNames } from '../measures/useConcept';
import { FilterBar, filtersFromUrl } from './FilterBar';
import { LoadTable } from './LoadTable';
import { MatrixLegend, MatrixTable } from './MatrixTable';
import { Pager } from './Pager';
import { MATRIX_KEY, useLoad, useMatrix } from './queries';
import { responsibilityMessages as messages } from './messages';
import './responsibility.css';

/** /responsibility: departments × measures (lead / partner / informed), load per department, measures without a lead. */
export default function ResponsibilityPage() {
  const t = useT(messages);
  usePageTitle(t('title'));
  const can = useCan();
  const qc = useQueryClient();
  const [sp, setSp] = useSearchParams();
  const { names, error: conceptError } = useConceptNames();
  const filters = useMemo(() => filtersFromUrl(sp), [sp]);
  const page = Math.max(1, Number(sp.get('page')) || 1);
  const noLead = sp.get('noLead') === 'true';
  const matrix = useMatrix({ ...filters, page: String(page), ...(noLead ? { noLead: 'true' } : {}) });
  const load = useLoad(filters);
  const withoutLead = useMatrix({ ...filters, noLead: 'true', pageSize: '20' });
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function change(row: MatrixRow, dept: MatrixDepartment, role: ResponsibilityRole) {
    setBusy(row.id);
    setError(null);
    setMessage(null);
    try {
      const r = await api.put<CellResult>(`/measures/${row.id}/responsibility/${dept.id}`, { role, version: row.version });
      setMessage(
        r.previousLeadId
          ? t('leadMoved', { dept: dept.name, n: row.number, prev: names.name(r.previousLeadId) })
          : t('saved', { dept: dept.name, n: row.number, role: t(`role_${role}`) }),
      );
      void qc.invalidateQueries({ queryKey: [MATRIX_KEY] });
      void qc.invalidateQueries({ queryKey: ['measure', row.id] });
      void qc.invalidateQueries({ queryKey: ['audit', row.id] });
      void qc.invalidateQueries({ queryKey: ['measures'] });
    } catch (e) {
      setError(e instanceof ApiError && e.status === 409 ? new Error(t('conflict')) : e);
      void qc.invalidateQueries({ queryKey: [MATRIX_KEY] });
    } finally {
      setBusy(null);
    }
  }

  const toggleNoLead = (on: boolean) => {
    const next = new URLSearchParams(sp);
    if (on) next.set('noLead', 'true');
    else next.delete('noLead');
    next.delete('page');
    setSp(next);
  };

  const m = matrix.data;
  const pages = m ? Math.max(1, Math.ceil(m.total / m.pageSize)) : 1;
  return (
    <>
      <PageHeader title={t('title')}>
        <p className="muted">{t('intro')}</p>
      </PageHeader>
      <FilterBar names={names} />
      <ErrorMessage error={conceptError} />
      <ErrorMessage error={matrix.error ?? load.error} />

      <section aria-labelledby="no-lead-title" className="card">
        <h2 id="no-lead-title">{t('noLeadTitle')}</h2>
        {m && (m.withoutLead === 0 ? <p>{t('noLeadNone')}</p> : <p><strong>{t('noLeadCount', { n: m.withoutLead })}</strong></p>)}
        {withoutLead.data && withoutLead.data.total > withoutLead.data.items.length && <p className="muted">{t('noLeadMore', { n: withoutLead.data.items.length })}</p>}
        {m && (m.withoutLead > 0 || noLead) && (
          <button type="button" className="btn small no-print" aria-pressed={noLead} onClick={() => toggleNoLead(!noLead)}>
            {noLead ? t('noLeadAll') : t('noLeadShow')}
          </button>
        )}
        {withoutLead.data && withoutLead.data.items.length > 0 && (
          <ul className="no-lead-list">
            {withoutLead.data.items.map((r) => (
              <li key={r.id}><Link to={`/measures/${r.id}`}>{r.number} {r.title}</Link></li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="matrix-title">
        <h2 id="matrix-title">{t('matrixTitle')}</h2>
        <p className="muted no-print" id="matrix-hint">{t('matrixHint')}</p>
        <StatusMessage message={message} />
        <ErrorMessage error={error} />
        {busy && <Spinner label={t('saving')} />}
        {!m ? (
          <Spinner label={t('loading')} />
        ) : m.departments.length === 0 ? (
          <EmptyState>{t('noDepartments')}</EmptyState>
        ) : m.items.length === 0 ? (
          <EmptyState>{t('empty')}</EmptyState>
        ) : (
          <>
            <MatrixLegend departments={m.departments} />
            <MatrixTable
              departments={m.departments}
              rows={m.items}
              canEdit={(r) => can.canEditMeasure(r)}
              busy={busy}
              onChange={change}
              caption={t('matrixCaption', { page: m.page, pages, n: m.total })}
            />
            <Pager page={m.page} pages={pages} label={t('pagination')} prev={t('prev')} next={t('next')} pageOf={t('pageOf', { page: m.page, pages })} />
          </>
        )}
      </section>

      <section aria-labelledby="load-title">
        <h2 id="load-title">{t('loadTitle')}</h2>
        {load.data ? <LoadTable load={load.data} /> : <Spinner label={t('loading')} />}
      </section>
    </>
  );
}
