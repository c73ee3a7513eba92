import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { Alert, ConfirmDialog, ErrorMessage, PageHeader, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { usePageTitle } from '../../app/title';
import type { ScoringRoundDetail } from '../../../contract/priorities';
import { messages } from './messages';
import { ROUNDS_KEY, roundKey, useRound } from './queries';
import { RatingSheet } from './RatingSheet';
import { ResultsTable } from './ResultsTable';
import { ImpactEffortChart } from './ImpactEffortChart';
import { DecisionForm } from './DecisionForm';
import { DecisionList } from './DecisionList';
import { DivergenceList } from './DivergenceList';
import { RoundCreateDialog } from './RoundCreateDialog';
import './priorities.css';

type Action = 'reveal' | 'close' | 'delete';

/** /priorities/rounds/:id: rating sheet, progress, divergences, results, chart and the decision. */
export default function RoundPage() {
  const { id = '' } = useParams();
  const t = useT(messages);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const round = useRound(id);
  const r = round.data;
  usePageTitle(r?.name ?? t('title'));
  const [confirm, setConfirm] = useState<Action | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);

  const apply = (next: ScoringRoundDetail) => {
    qc.setQueryData(roundKey(id), next);
    void qc.invalidateQueries({ queryKey: ROUNDS_KEY });
  };

  async function run(action: Action) {
    if (!r) return;
    setConfirm(null);
    setBusy(true);
    setError(null);
    try {
      if (action === 'delete') {
        await api.del(`/priorities/rounds/${id}`, { version: r.version });
        void qc.invalidateQueries({ queryKey: ROUNDS_KEY });
        navigate('/priorities');
        return;
      }
      apply(await api.post<ScoringRoundDetail>(`/priorities/rounds/${id}/${action === 'reveal' ? 'reveal' : 'close'}`, { version: r.version }));
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.status === 409) void round.refetch();
    } finally {
      setBusy(false);
    }
  }

  if (round.isPending) return <Spinner label={t('loading')} />;
  if (!r) {
    return (
      <>
        <h1>{t('title')}</h1>
        {round.error instanceof ApiError && round.error.status === 404 ? <Alert kind="error">{t('notFound')}</Alert> : <ErrorMessage error={round.error} />}
        <Link to="/priorities">{t('back')}</Link>
      </>
    );
  }

  const mine = r.myScores.length;
  const perRater = r.measures.length * r.criteria.length;
  const titles: Record<Action, string> = { reveal: t('revealConfirmTitle'), close: t('closeConfirmTitle'), delete: t('deleteConfirmTitle') };
  const texts: Record<Action, string> = { reveal: t('revealConfirmText'), close: t('closeConfirmText'), delete: t('deleteConfirmText') };

  return (
    <>
      <PageHeader
        title={r.name}
        actions={
          r.canManage && (
            <>
              {r.status === 'open' && <button type="button" className="btn primary" disabled={busy} onClick={() => setConfirm('reveal')}>{t('reveal')}</button>}
              {r.status !== 'closed' && <button type="button" className="btn" disabled={busy} onClick={() => setEditing(true)}>{t('editRound')}</button>}
              {r.status !== 'closed' && <button type="button" className="btn" disabled={busy} onClick={() => setConfirm('close')}>{t('close')}</button>}
              <button type="button" className="btn danger" disabled={busy} onClick={() => setConfirm('delete')}>{t('deleteRound')}</button>
            </>
          )
        }
      >
        <p>
          <span className={`badge status-${r.status}`}>{t(`status_${r.status}`)}</span>{' '}
          <Link to="/priorities">{t('back')}</Link>
        </p>
      </PageHeader>
      {editing && <RoundCreateDialog round={r} onClose={() => setEditing(false)} />}
      {confirm && (
        <ConfirmDialog open title={titles[confirm]} confirmLabel={t('confirm')} cancelLabel={t('cancel')} danger={confirm === 'delete'}
          onConfirm={() => run(confirm)} onCancel={() => setConfirm(null)}>
          <p>{texts[confirm]}</p>
        </ConfirmDialog>
      )}
      <ErrorMessage error={error} />

      <section aria-labelledby="progress-h" className="card">
        <h2 id="progress-h" className="visually-hidden">{t('colProgress')}</h2>
        {r.isRater && (
          <p className="progress-line">
            <progress max={perRater || 1} value={mine} aria-label={t('myProgress', { done: mine, total: perRater })} />{' '}
            <strong>{t('myProgress', { done: mine, total: perRater })}</strong>
          </p>
        )}
        <p>{t('allProgress', { done: r.progress.done, total: r.progress.total })}</p>
        <p className="muted">
          {t('raters')}: {r.raters.map((x) => `${x.name} (${t('progressOf', { done: x.progress.done, total: x.progress.total })})`).join(', ')}
        </p>
        {r.dotRound && <p className="muted">{t('dotsFrom', { title: r.dotRound.title, workshop: r.dotRound.workshopTitle, weight: r.dotWeight })}</p>}
        {r.status === 'open' && <Alert kind="info">{t('hiddenNote')}</Alert>}
        {r.status === 'closed' && <Alert kind="info">{t('closedNote')}</Alert>}
      </section>

      {r.isRater && r.status !== 'closed' && <RatingSheet round={r} onSaved={apply} onReload={() => void round.refetch()} />}
      {(r.canManage || r.status !== 'open') && <DivergenceList round={r} />}

      <section aria-labelledby="results-h">
        <h2 id="results-h">{t('resultsTitle')}</h2>
        {r.results ? <ResultsTable round={r} /> : <p className="muted">{t('resultsHidden')}</p>}
      </section>
      {r.results && <ImpactEffortChart round={r} />}
      {r.results && r.canManage && <DecisionForm round={r} onSaved={apply} />}
      {r.decisions.length > 0 && <DecisionList round={r} />}
    </>
  );
}
