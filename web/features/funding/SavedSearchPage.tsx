import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { ConfirmDialog, EmptyState, ErrorMessage, PageHeader, ScrollTable, Spinner } from '../../components/ui';
import { StatusMessage } from '../../app/forms';
import { usePageTitle } from '../../app/title';
import { useFormat, useT } from '../../i18n/i18n';
import { PRIORITY_LABELS, STATUS_LABELS } from '../../../domain/labels';
import type { SavedSearch } from '../../../contract/funding';
import { useConceptNames } from '../measures/useConcept';
import { ioMessages } from './ioMessages';
import { PROGRAMME_KIND_LABELS, PROGRAMME_LEVEL_LABELS } from './labels';
import { SAVED_SEARCHES_KEY, useSavedSearch, useSavedSearchHits } from './queries';
import { fromSearch, SavedSearchForm, type SavedSearchValue } from './SavedSearchForm';
import './funding.css';

/** /funding/saved-searches/:id: the hits of one saved search ("neu" until marked read), its settings, delete. */
export default function SavedSearchPage() {
  const { id = '' } = useParams();
  const t = useT(ioMessages);
  const fmt = useFormat();
  const { names } = useConceptNames();
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const search = useSavedSearch(id);
  const hits = useSavedSearchHits(id);
  usePageTitle(search.data?.name ?? t('searchesTitle'));
  const [message, setMessage] = useState<string | null>((location.state as { flash?: string } | null)?.flash ?? null);
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: SAVED_SEARCHES_KEY });

  const s = search.data;
  const save = async (v: SavedSearchValue) => {
    if (!s) return;
    setError(null);
    try {
      const next = await api.patch<SavedSearch>(`/saved-searches/${id}`, { ...v, version: s.version });
      await refresh();
      setEditing(false);
      setMessage(t('saved', { name: next.name }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        await refresh();
        setEditing(false);
        setError(new Error(t('conflict')));
      } else setError(err);
    }
  };
  const markSeen = async () => {
    setError(null);
    try {
      const r = await api.post<{ marked: number }>(`/saved-searches/${id}/seen`);
      await refresh();
      setMessage(t('markedSeen', { n: r.marked }));
    } catch (err) {
      setError(err);
    }
  };
  const remove = async () => {
    if (!s) return;
    setConfirmDelete(false);
    try {
      await api.del(`/saved-searches/${id}`, { version: s.version });
      qc.removeQueries({ queryKey: [...SAVED_SEARCHES_KEY, id] });
      await refresh();
      navigate('/funding/saved-searches', { state: { flash: t('deleted', { name: s.name }) } });
    } catch (err) {
      setError(err);
    }
  };

  if (search.isPending) return <Spinner label={t('loadingSearch')} />;
  if (!s) return <><p><Link to="/funding/saved-searches">{t('backToSearches')}</Link></p><ErrorMessage error={search.error} /></>;

  const list = (xs: string[]) => (xs.length ? xs.join(', ') : t('summaryAll'));
  const measureText = [
    ...names.names(s.measureFilter.district), ...names.names(s.measureFilter.actionField),
    ...s.measureFilter.status.map((x) => fmt.label(STATUS_LABELS, x)), ...s.measureFilter.priority.map((x) => fmt.label(PRIORITY_LABELS, x)),
  ];
  const programmeText = [
    ...s.programmeFilter.level.map((x) => fmt.label(PROGRAMME_LEVEL_LABELS, x)), ...s.programmeFilter.kind.map((x) => fmt.label(PROGRAMME_KIND_LABELS, x)),
    ...(s.programmeFilter.topic ? [`„${s.programmeFilter.topic}“`] : []),
  ];
  const newCount = hits.data?.filter((h) => h.isNew).length ?? 0;

  return (
    <>
      <p className="no-print"><Link to="/funding/saved-searches">{t('backToSearches')}</Link></p>
      <PageHeader
        title={s.name}
        actions={
          <>
            <button type="button" className="btn" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>{t('editSearch')}</button>
            <button type="button" className="btn danger" onClick={() => setConfirmDelete(true)}>{t('deleteSearch')}</button>
          </>
        }
      >
        <p className="search-summary">{t('summaryMeasures', { text: list(measureText) })}</p>
        <p className="search-summary">{t('summaryProgrammes', { text: list(programmeText) })} · {t('colEmail')}: {s.notifyEmail ? t('on') : t('off')}</p>
      </PageHeader>
      <StatusMessage message={message} />
      <ErrorMessage error={error} />
      {editing && (
        <section className="card" aria-labelledby="edit-search-title">
          <h2 id="edit-search-title" className="first">{t('settings')}</h2>
          <SavedSearchForm key={s.version} initial={fromSearch(s)} onSubmit={save} onCancel={() => setEditing(false)} />
        </section>
      )}
      <section aria-labelledby="hits-title">
        <div className="page-header">
          <h2 id="hits-title">{t('hitsTitle')} {newCount > 0 && <span className="badge hit-new">{t('newBadge', { n: newCount })}</span>}</h2>
          {newCount > 0 && <button type="button" className="btn" onClick={markSeen}>{t('markSeen')}</button>}
        </div>
        <p className="muted">{t('hitsIntro')}</p>
        <ErrorMessage error={hits.error} />
        {hits.isPending ? (
          <Spinner label={t('loadingHits')} />
        ) : !hits.data?.length ? (
          !hits.error && <EmptyState><p>{t('noHits')}</p></EmptyState>
        ) : (
          <ScrollTable label={t('hitsTitle')}>
            <table className="data stack-table">
              <caption className="visually-hidden">{t('hitsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('colMeasure')}</th>
                  <th scope="col">{t('colProgramme')}</th>
                  <th scope="col">{t('colScore')}</th>
                  <th scope="col">{t('colChange')}</th>
                  <th scope="col">{t('colFound')}</th>
                </tr>
              </thead>
              <tbody>
                {hits.data.map((h) => (
                  <tr key={`${h.measureId}-${h.programmeId}`}>
                    <td className="title" data-label={t('colMeasure')}>
                      {h.isNew && <><span className="badge hit-new">{t('newMarker')}</span>{' '}</>}
                      <Link to={`/measures/${h.measureId}/funding`}>Nr. {h.measureNumber} – {h.measureTitle}</Link>
                    </td>
                    <td data-label={t('colProgramme')}><Link to={`/funding/programmes/${h.programmeId}`}>{h.programmeName}</Link></td>
                    <td data-label={t('colScore')}>{h.score}</td>
                    <td data-label={t('colChange')}>{t(`change_${h.changeKind as 'create' | 'update' | 'import'}`)}</td>
                    <td data-label={t('colFound')} className="nowrap">{fmt.dateTime(h.foundAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>
      <ConfirmDialog open={confirmDelete} title={t('deleteTitle')} confirmLabel={t('deleteSearch')} cancelLabel={t('cancel')} danger
        onConfirm={remove} onCancel={() => setConfirmDelete(false)}>
        <p>{t('deleteText', { name: s.name })}</p>
      </ConfirmDialog>
    </>
  );
}
