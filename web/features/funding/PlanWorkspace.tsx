import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/ui';
import { useLocale, useT } from '../../i18n/i18n';
import { StatusMessage } from '../../app/forms';
import { MAX_YEAR, MIN_YEAR } from '../../../domain/financing';
import type { FundingPlan, FundingProgramme, ProgrammeMatch } from '../../../contract/funding';
import type { MeasureDetail } from '../../../contract/measures';
import { useUnsavedChanges } from '../measures/useUnsavedChanges';
import { MatchList } from './MatchList';
import { PlanSummary } from './PlanSummary';
import { PlanTable } from './PlanTable';
import { planMessages as messages } from './planMessages';
import { planKey } from './queries';
import { cellId, defaultYears, draftErrors, fromPlan, isDirty, liveCheck, newSource, range, startYear, toBody, type Draft } from './planModel';
import { centsToInput } from './util';

/** Matches and plan editor of one measure; owns the draft so that a match can be taken over into the plan. */
export function PlanWorkspace({
  measure,
  plan,
  programmes,
  matches,
  canEdit,
}: {
  measure: MeasureDetail;
  plan: FundingPlan;
  programmes: FundingProgramme[];
  matches: UseQueryResult<ProgrammeMatch[]>;
  canEdit: boolean;
}) {
  const t = useT(messages);
  const qc = useQueryClient();
  const [base, setBase] = useState(plan);
  const [draft, setDraft] = useState<Draft>(() => fromPlan(plan, measure));
  const [errors, setErrors] = useState<ReturnType<typeof draftErrors>>([]);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<FundingPlan | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const dirty = isDirty(draft, base);
  const { dialog } = useUnsavedChanges(canEdit && dirty && !saving);
  const { locale } = useLocale();
  const check = liveCheck(draft, programmes, measure, locale);

  // A newer plan arrived (refetch) while nothing is edited: show it.
  useEffect(() => {
    if (plan.version !== base.version && !dirty) {
      setBase(plan);
      setDraft(fromPlan(plan, measure));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plan]);

  const focusAlert = () => requestAnimationFrame(() => alertRef.current?.focus());
  const errorMessages: Record<string, string> = Object.fromEntries(
    errors.map((e) => [e.id, e.key === 'programmeRequired' ? t('errProgramme', { n: e.row }) : t('errAmount', { n: e.row, year: e.year ?? '' })]),
  );

  const load = (p: FundingPlan) => {
    setBase(p);
    setDraft((d) => {
      const next = fromPlan(p, measure);
      return { ...next, years: range(Number([...d.years, ...next.years].sort()[0]), Number([...d.years, ...next.years].sort().at(-1))) };
    });
  };

  async function save(version = base.version) {
    setStatus(null);
    setError(null);
    const local = draftErrors(draft);
    setErrors(local);
    if (local.length) return focusAlert();
    setSaving(true);
    try {
      const saved = await api.put<FundingPlan>(`/measures/${measure.id}/funding-plan`, { version, sources: toBody(draft) }, { lang: locale });
      qc.setQueryData(planKey(measure.id, locale), saved);
      void qc.invalidateQueries({ queryKey: ['kofi'] });
      void qc.invalidateQueries({ queryKey: ['funding-programme'] });
      setConflict(null);
      load(saved);
      setStatus(t('saved'));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') setConflict((e.details as { current?: FundingPlan } | undefined)?.current ?? null);
      setError(e);
      focusAlert();
    } finally {
      setSaving(false);
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!saving) void save();
  };

  const reloadCurrent = async () => {
    const current: FundingPlan = conflict ?? (await qc.fetchQuery<FundingPlan>({ queryKey: planKey(measure.id, locale), queryFn: () => api.get<FundingPlan>(`/measures/${measure.id}/funding-plan`, { lang: locale }) }));
    setConflict(null);
    setError(null);
    setErrors([]);
    setBase(current);
    setDraft(fromPlan(current, measure));
    qc.setQueryData(planKey(measure.id, locale), current);
    setStatus(t('reloaded'));
  };

  const adopt = (m: ProgrammeMatch) => {
    const y = startYear(measure);
    const src = newSource('programme', {
      programmeId: m.programmeId,
      applicationDeadline: m.nextDeadline ?? '',
      amounts: m.expectedGrantCents != null ? { [y]: centsToInput(m.expectedGrantCents) } : {},
    });
    setDraft((d) => ({ sources: [...d.sources, src], years: d.years.includes(y) ? d.years : defaultYears(measure, [...d.years, y]) }));
    setStatus(m.expectedGrantCents != null ? t('adopted', { name: m.programmeName, year: y }) : t('adoptedNoAmount', { name: m.programmeName }));
    requestAnimationFrame(() => document.getElementById(cellId(src.key, 'programme'))?.focus());
  };

  const years = draft.years;
  const first = Number(years[0]);
  const last = Number(years.at(-1));
  const addYear = (y: number) => {
    setDraft((d) => ({ ...d, years: range(Math.min(first, y), Math.max(last, y)) }));
    setStatus(t('yearAdded', { year: y }));
  };
  const removeYear = (y: string) => {
    if (draft.sources.some((s) => (s.amounts[y] ?? '').trim())) return setStatus(t('yearHasAmounts', { year: y }));
    setDraft((d) => ({ sources: d.sources.map((s) => ({ ...s, amounts: Object.fromEntries(Object.entries(s.amounts).filter(([k]) => k !== y)) })), years: d.years.filter((x) => x !== y) }));
    setStatus(t('yearRemoved', { year: y }));
  };

  const exceeds = error instanceof ApiError && error.code === 'plan_exceeds_cost' ? error : null;
  const inPlan = (programmeId: string) => draft.sources.some((s) => s.kind === 'programme' && s.programmeId === programmeId);

  return (
    <>
      <section aria-labelledby="matches-heading" className="matches-section">
        <h2 id="matches-heading">{t('matchesHeading')}</h2>
        <p className="muted">{t('matchesIntro')}</p>
        <MatchList matches={matches} inPlan={inPlan} onAdopt={canEdit ? adopt : undefined} />
      </section>

      <section id="plan" aria-labelledby="plan-heading" className="card plan-section" tabIndex={-1}>
        <h2 id="plan-heading" className="first">{t('planHeading')}</h2>
        {!canEdit && <p className="muted">{t('readOnly')}</p>}
        <StatusMessage message={status} kind="info" />
        <div ref={alertRef} tabIndex={-1} className="plan-alerts">
          {errors.length > 0 && (
            <div className="alert error" role="alert">
              <p className="first"><strong>{t('errorsTitle')}</strong></p>
              <ul className="plain-list">
                {errors.map((e) => (
                  <li key={e.id}><a href={`#${e.id}`} onClick={(ev) => { ev.preventDefault(); document.getElementById(e.id)?.focus(); }}>{errorMessages[e.id]}</a></li>
                ))}
              </ul>
            </div>
          )}
          {conflict || (error instanceof ApiError && error.code === 'version_conflict') ? (
            <div className="alert warn" role="alert">
              <p className="first"><strong>{t('conflictTitle')}</strong> {t('conflictText')}</p>
              <div className="actions">
                <button type="button" className="btn" onClick={() => void reloadCurrent()}>{t('conflictReload')}</button>
                {conflict && <button type="button" className="btn primary" onClick={() => void save(conflict.version)}>{t('conflictOverwrite')}</button>}
              </div>
            </div>
          ) : exceeds ? (
            <div className="alert error" role="alert">
              <p className="first"><strong>{t('exceedsTitle')}</strong></p>
              <p>{exceeds.message}</p>
              <p>{t('exceedsHint')}</p>
            </div>
          ) : (
            <ErrorMessage error={error} />
          )}
        </div>

        <form onSubmit={submit} noValidate aria-busy={saving}>
          {canEdit && (
            <div className="year-tools" role="group" aria-label={t('yearsLabel', { from: years[0], to: years.at(-1) ?? '' })}>
              <span className="muted">{t('yearsLabel', { from: years[0], to: years.at(-1) ?? '' })}</span>
              {first > MIN_YEAR && <button type="button" className="btn small" onClick={() => addYear(first - 1)}>{t('addYear', { year: first - 1 })}</button>}
              {last < MAX_YEAR && <button type="button" className="btn small" onClick={() => addYear(last + 1)}>{t('addYear', { year: last + 1 })}</button>}
              {years.length > 1 && (
                <>
                  <button type="button" className="btn small" onClick={() => removeYear(years[0])}>{t('removeYear', { year: years[0] })}</button>
                  <button type="button" className="btn small" onClick={() => removeYear(years.at(-1) as string)}>{t('removeYear', { year: years.at(-1) as string })}</button>
                </>
              )}
            </div>
          )}
          <PlanTable draft={draft} onChange={setDraft} programmes={programmes} readOnly={!canEdit} errors={errorMessages} />
          {canEdit && (
            <div className="actions add-sources" role="group" aria-label={t('addSources')}>
              <button type="button" className="btn small" onClick={() => setDraft((d) => ({ ...d, sources: [...d.sources, newSource('programme')] }))}>{t('addProgramme')}</button>
              <button type="button" className="btn small" onClick={() => setDraft((d) => ({ ...d, sources: [...d.sources, newSource('municipal_budget')] }))}>{t('addBudget')}</button>
              <button type="button" className="btn small" onClick={() => setDraft((d) => ({ ...d, sources: [...d.sources, newSource('third_party')] }))}>{t('addThird')}</button>
            </div>
          )}
          <PlanSummary costCents={measure.costCents} totals={check.totals} problems={dirty ? check.problems : base.problems} unsaved={dirty} />
          {canEdit && (
            <div className="actions form-actions">
              <button type="submit" className="btn primary" disabled={saving || !dirty}>{saving ? t('saving') : t('save')}</button>
              <button type="button" className="btn" disabled={saving || !dirty} onClick={() => { setDraft(fromPlan(base, measure)); setErrors([]); setError(null); setStatus(t('discarded')); }}>
                {t('discard')}
              </button>
              {dirty && <span className="muted">{t('unsavedHint')}</span>}
            </div>
          )}
        </form>
      </section>
      {dialog}
    </>
  );
}
