import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { EmptyState, ErrorMessage, PageHeader, ScrollTable, Spinner } from '../../components/ui';
import { StatusMessage } from '../../app/forms';
import { usePageTitle } from '../../app/title';
import { useT } from '../../i18n/i18n';
import type { SavedSearch } from '../../../contract/funding';
import { ioMessages } from './ioMessages';
import { SAVED_SEARCHES_KEY, useSavedSearches } from './queries';
import { emptySearch, SavedSearchForm, type SavedSearchValue } from './SavedSearchForm';
import './funding.css';

/** /funding/saved-searches: the user's saved searches with their new hits, and a form for a new one. */
export default function SavedSearchListPage() {
  const t = useT(ioMessages);
  usePageTitle(t('searchesTitle'));
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash;
  const navigate = useNavigate();
  const qc = useQueryClient();
  const q = useSavedSearches();
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const create = async (v: SavedSearchValue) => {
    setError(null);
    try {
      const s = await api.post<SavedSearch>('/saved-searches', v);
      await qc.invalidateQueries({ queryKey: SAVED_SEARCHES_KEY });
      navigate(`/funding/saved-searches/${s.id}`, { state: { flash: t('created', { name: s.name }) } });
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <PageHeader
        title={t('searchesTitle')}
        actions={!creating && <button type="button" className="btn primary" onClick={() => setCreating(true)}>{t('newSearch')}</button>}
      >
        <p className="muted intro">{t('searchesIntro')}</p>
      </PageHeader>
      <StatusMessage message={flash} />
      {creating && (
        <section className="card" aria-labelledby="new-search-title">
          <h2 id="new-search-title" className="first">{t('newSearch')}</h2>
          <SavedSearchForm initial={emptySearch()} onSubmit={create} onCancel={() => { setCreating(false); setError(null); }} error={error} />
        </section>
      )}
      <ErrorMessage error={q.error} />
      {q.isPending ? (
        <Spinner label={t('loadingSearches')} />
      ) : !q.data?.length ? (
        !q.error && <EmptyState><p>{t('noSearches')}</p></EmptyState>
      ) : (
        <ScrollTable label={t('searchesTitle')}>
          <table className="data stack-table">
            <caption className="visually-hidden">{t('searchesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colSearch')}</th>
                <th scope="col">{t('colNew')}</th>
                <th scope="col">{t('colTotal')}</th>
                <th scope="col">{t('colEmail')}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.map((s) => (
                <tr key={s.id}>
                  <td className="title" data-label={t('colSearch')}><Link to={`/funding/saved-searches/${s.id}`}>{s.name}</Link></td>
                  <td data-label={t('colNew')}>{s.newCount > 0 ? <span className="badge hit-new">{t('newBadge', { n: s.newCount })}</span> : '0'}</td>
                  <td data-label={t('colTotal')}>{s.totalCount}</td>
                  <td data-label={t('colEmail')}>{s.notifyEmail ? t('on') : t('off')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}
