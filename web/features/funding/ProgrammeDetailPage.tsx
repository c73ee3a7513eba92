import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { Alert, ConfirmDialog, EmptyState, ErrorMessage, PageHeader, ScrollTable, Spinner } from '../../components/ui';
import { useFormat, useLocale, useT } from '../../i18n/i18n';
import { StatusMessage } from '../../app/forms';
import { useCan } from '../../app/session';
import { usePageTitle } from '../../app/title';
import NotFoundPage from '../../app/NotFoundPage';
import type { FundingProgramme } from '../../../contract/funding';
import { APPLICANT_LABELS, AREA_KIND_LABELS, PROGRAMME_KIND_LABELS, PROGRAMME_LEVEL_LABELS, SETTLEMENT_LABELS } from './labels';
import { MatchCard } from './MatchCard';
import { messages } from './messages';
import { DeadlineText, SourceLink } from './parts';
import { useInvalidateFunding, useProgramme, useProgrammeMeasures } from './queries';
import { percentText } from './util';
import './funding.css';

const FIRST = 10;

/** /funding/programmes/:id: every field, the application windows, the documents and the fitting measures. */
export default function ProgrammeDetailPage() {
  const { id = '' } = useParams();
  const t = useT(messages);
  const fmt = useFormat();
  const { locale } = useLocale();
  const can = useCan();
  const navigate = useNavigate();
  const location = useLocation();
  const invalidate = useInvalidateFunding();
  const q = useProgramme(id);
  const fits = useProgrammeMeasures(id, !!q.data);
  const [confirm, setConfirm] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [showAll, setShowAll] = useState(false);
  const flash = (location.state as { flash?: string } | null)?.flash;
  usePageTitle(q.data?.name ?? t('programmesTitle'));

  if (q.error instanceof ApiError && q.error.status === 404) return <NotFoundPage />;
  if (q.error) return <ErrorMessage error={q.error} />;
  if (!q.data) return <Spinner label={t('loadingProgramme')} />;
  const p: FundingProgramme = q.data;

  async function remove() {
    setConfirm(false);
    setDeleting(true);
    setError(null);
    try {
      await api.del(`/funding-programmes/${p.id}`, { version: p.version });
      invalidate(p.id);
      navigate('/funding/programmes', { state: { flash: t('deleted', { name: p.name }) } });
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.code === 'version_conflict') void q.refetch();
    } finally {
      setDeleting(false);
    }
  }

  const inUse = error instanceof ApiError && error.code === 'in_use' ? error : null;
  const inUseCount = (inUse?.details as { sources?: number } | undefined)?.sources;
  const yesNo = (b: boolean) => (b ? t('yes') : t('no'));
  const measures = fits.data ?? [];
  const visible = showAll ? measures : measures.slice(0, FIRST);

  return (
    <article>
      <p className="back-link no-print"><Link to="/funding/programmes">{t('backToProgrammes')}</Link></p>
      <PageHeader
        title={p.name}
        actions={
          can.isAdmin && (
            <>
              <Link className="btn primary" to={`/funding/programmes/${p.id}/edit`}>{t('edit')}</Link>
              <button type="button" className="btn danger" onClick={() => setConfirm(true)} disabled={deleting}>{t('delete')}</button>
            </>
          )
        }
      >
        <p className="muted intro">{[p.provider, fmt.label(PROGRAMME_LEVEL_LABELS, p.level), fmt.label(PROGRAMME_KIND_LABELS, p.kind)].filter(Boolean).join(' · ')}</p>
      </PageHeader>
      <StatusMessage message={flash} />
      {deleting && <Spinner label={t('deleting')} />}
      {inUse ? (
        <Alert kind="error">
          <strong>{t('inUseTitle')}</strong> {inUseCount != null ? t('inUseText', { n: inUseCount }) : inUse.message}
        </Alert>
      ) : error instanceof ApiError && error.code === 'version_conflict' ? (
        <Alert kind="warn">{t('deleteConflict')}</Alert>
      ) : (
        <ErrorMessage error={error} />
      )}

      <section className="card" aria-labelledby="programme-facts">
        <h2 id="programme-facts" className="first">{t('facts')}</h2>
        <dl className="kv">
          <dt>{t('f_provider')}</dt><dd>{p.provider || '–'}</dd>
          <dt>{t('f_level')}</dt><dd>{fmt.label(PROGRAMME_LEVEL_LABELS, p.level)}</dd>
          <dt>{t('f_kind')}</dt><dd>{fmt.label(PROGRAMME_KIND_LABELS, p.kind)}</dd>
          <dt>{t('f_rateText')}</dt><dd>{p.rateText || '–'}</dd>
          <dt>{t('f_ratePercent')}</dt><dd>{percentText(p.ratePercent, locale)}</dd>
          <dt>{t('f_rateWeakPercent')}</dt><dd>{percentText(p.rateWeakPercent, locale)}</dd>
          <dt>{t('f_minAmount')}</dt><dd>{fmt.money(p.minAmountCents)}</dd>
          <dt>{t('f_maxAmount')}</dt><dd>{fmt.money(p.maxAmountCents)}</dd>
          <dt>{t('f_applicants')}</dt>
          <dd>{p.applicants.length ? p.applicants.map((a) => fmt.label(APPLICANT_LABELS, a)).join(', ') : '–'}</dd>
          <dt>{t('f_topics')}</dt>
          <dd>{p.topics.length ? p.topics.map((topic) => <span key={topic} className="tag">{topic}</span>) : '–'}</dd>
          <dt>{t('f_requiresDesignatedArea')}</dt><dd>{yesNo(p.requiresDesignatedArea)}</dd>
          {p.requiresDesignatedArea && (
            <>
              <dt>{t('f_areaKinds')}</dt>
              <dd>{(p.areaKinds ?? []).length ? p.areaKinds.map((k) => fmt.label(AREA_KIND_LABELS, k)).join(', ') : t('anyArea')}</dd>
            </>
          )}
          <dt>{t('f_settlementTypes')}</dt>
          <dd>{(p.settlementTypes ?? []).length ? p.settlementTypes.map((k) => fmt.label(SETTLEMENT_LABELS, k)).join(', ') : t('anySettlement')}</dd>
          <dt>{t('f_typicalMin')}</dt><dd>{fmt.money(p.typicalMinCents ?? null)}</dd>
          <dt>{t('f_typicalMax')}</dt><dd>{fmt.money(p.typicalMaxCents ?? null)}</dd>
          <dt>{t('f_climateRequirement')}</dt><dd>{yesNo(p.climateRequirement)}</dd>
          <dt>{t('colDeadline')}</dt><dd><DeadlineText windows={p.windows} /></dd>
          <dt>{t('f_sourceUrl')}</dt><dd>{p.sourceUrl ? <SourceLink url={p.sourceUrl} name={p.name} text={p.sourceUrl} /> : '–'}</dd>
          <dt>{t('f_lastChecked')}</dt><dd>{fmt.date(p.lastChecked)}</dd>
        </dl>
        {p.description && (
          <>
            <h3>{t('f_description')}</h3>
            <p className="pre-text">{p.description}</p>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="programme-windows">
        <h2 id="programme-windows" className="first">{t('windows')}</h2>
        {p.windows.length === 0 ? (
          <p>{t('noWindows')}</p>
        ) : (
          <ScrollTable label={t('windows')}>
            <table className="data stack-table">
              <caption className="visually-hidden">{t('windows')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('opensOn')}</th>
                  <th scope="col">{t('closesOn')}</th>
                  <th scope="col">{t('windowNote')}</th>
                </tr>
              </thead>
              <tbody>
                {p.windows.map((w, i) => (
                  <tr key={i}>
                    <td className="nowrap" data-label={t('opensOn')}>{w.opensOn ? fmt.date(w.opensOn) : t('openNow')}</td>
                    <td className="nowrap" data-label={t('closesOn')}>{w.closesOn ? fmt.date(w.closesOn) : t('rolling')}</td>
                    <td data-label={t('windowNote')}>{w.note || '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
        <h3>{t('f_requiredDocuments')}</h3>
        {p.requiredDocuments ? <p className="pre-text">{p.requiredDocuments}</p> : <p className="muted">{t('noDocuments')}</p>}
      </section>

      <section aria-labelledby="programme-measures">
        <h2 id="programme-measures">{t('fittingMeasures')}</h2>
        <p className="muted">{t('fittingMeasuresIntro')}</p>
        <ErrorMessage error={fits.error} />
        {fits.isPending ? (
          <Spinner label={t('loadingMatches')} />
        ) : measures.length === 0 ? (
          !fits.error && <EmptyState><p>{t('noFittingMeasures')}</p></EmptyState>
        ) : (
          <>
            <ol className="match-list">
              {visible.map((m, i) => (
                <MatchCard
                  key={m.measureId}
                  rank={i + 1}
                  match={m}
                  heading={<Link to={`/measures/${m.measureId}/funding`}>{t('measureHeading', { n: m.number, title: m.title })}</Link>}
                />
              ))}
            </ol>
            {measures.length > FIRST && (
              <button type="button" className="btn" onClick={() => setShowAll((s) => !s)}>
                {showAll ? t('showFewer') : t('showAllMeasures', { n: measures.length })}
              </button>
            )}
          </>
        )}
      </section>

      <ConfirmDialog open={confirm} title={t('deleteTitle')} confirmLabel={t('delete')} cancelLabel={t('cancel')} danger
        onConfirm={remove} onCancel={() => setConfirm(false)}>
        <p>{t('deleteText', { name: p.name })}</p>
      </ConfirmDialog>
    </article>
  );
}
