import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, ErrorMessage, PageHeader, ScrollTable, Spinner } from '../../components/ui';
import { useFormat, useT } from '../../i18n/i18n';
import { useCan } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { messages } from './messages';
import { useRounds } from './queries';
import { RoundCreateDialog } from './RoundCreateDialog';
import './priorities.css';

/** /priorities: the scoring rounds with their progress; coordinators create new ones here. */
export default function PrioritiesPage() {
  const t = useT(messages);
  const fmt = useFormat();
  usePageTitle(t('title'));
  const can = useCan();
  const rounds = useRounds();
  // ?newRound=1&dotRound=<id>: offered after a dot vote closes (and as the coordinator's next step)
  const [sp, setSp] = useSearchParams();
  const [creating, setCreating] = useState(() => sp.get('newRound') === '1');
  const presetDotRound = sp.get('newRound') === '1' ? sp.get('dotRound') ?? undefined : undefined;
  const closeDialog = () => {
    setCreating(false);
    if (sp.has('newRound')) setSp({}, { replace: true });
  };
  const cols = { name: t('colName'), status: t('colStatus'), measures: t('colMeasures'), raters: t('colRaters'), progress: t('colProgress'), mine: t('colMine') };

  return (
    <>
      <PageHeader
        title={t('title')}
        actions={
          <>
            <Link className="btn" to="/priorities/criteria">{t('criteriaLink')}</Link>
            {can.canEditConcept && <button type="button" className="btn primary" onClick={() => setCreating(true)}>{t('newRound')}</button>}
          </>
        }
      >
        <p className="muted intro">{t('intro')}</p>
      </PageHeader>
      {creating && can.canEditConcept && <RoundCreateDialog onClose={closeDialog} dotRoundPreset={presetDotRound} />}
      <h2>{t('rounds')}</h2>
      <ErrorMessage error={rounds.error} />
      {rounds.isPending ? (
        <Spinner label={t('loading')} />
      ) : !rounds.data?.length ? (
        !rounds.error && (
          <EmptyState>
            <p><strong>{t('noRounds')}</strong></p>
            <p>{t('noRoundsHint')}</p>
            {can.canEditConcept && <button type="button" className="btn primary" onClick={() => setCreating(true)}>{t('firstRound')}</button>}
          </EmptyState>
        )
      ) : (
        <ScrollTable label={t('rounds')}>
          <table className="data stack-table">
            <caption className="visually-hidden">{t('roundsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{cols.name}</th>
                <th scope="col">{cols.status}</th>
                <th scope="col" className="num">{cols.measures}</th>
                <th scope="col" className="num">{cols.raters}</th>
                <th scope="col">{cols.progress}</th>
                <th scope="col">{cols.mine}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.data.map((r) => (
                <tr key={r.id}>
                  <td data-label={cols.name}>
                    <Link to={`/priorities/rounds/${r.id}`}>{r.name}</Link>
                    <div className="muted small">{fmt.date(r.createdAt.slice(0, 10))}</div>
                  </td>
                  <td data-label={cols.status}><span className={`badge status-${r.status}`}>{t(`status_${r.status}`)}</span></td>
                  <td data-label={cols.measures} className="num">{r.measureCount}</td>
                  <td data-label={cols.raters} className="num">{r.raterCount}</td>
                  <td data-label={cols.progress}>{t('progressOf', { done: r.progress.done, total: r.progress.total })}</td>
                  <td data-label={cols.mine}>{r.myProgress ? t('progressOf', { done: r.myProgress.done, total: r.myProgress.total }) : t('notRater')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}
