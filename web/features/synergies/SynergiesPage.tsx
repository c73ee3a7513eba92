import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, ErrorMessage, PageHeader, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { StatusMessage } from '../../app/forms';
import { useCan } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { DEFAULT_MIN_SCORE, type SynergyPair, type SynergyStatus } from '../../../contract/synergies';
import { useConceptNames } from '../measures/useConcept';
import { Pagination } from '../measures/Pagination';
import { synergyActions, useInvalidateSynergies, useSynergies } from './api';
import { MergeDialog } from './MergeDialog';
import { PairCard, type PairAction } from './PairCard';
import { synergyMessages } from './messages';
import './synergies.css';

// the default (what is worth a conversation) among the choices, lower ones to look further
const SCORES = [...new Set([0, 20, 30, 40, 50, 60, DEFAULT_MIN_SCORE, 70, 80])].sort((a, b) => a - b);
const PAGE_SIZE = 20;

export default function SynergiesPage() {
  const t = useT(synergyMessages);
  const can = useCan();
  const { names, error: conceptError } = useConceptNames();
  const [params, setParams] = useSearchParams();
  // A department member starts with their own department; "all" is an explicit choice.
  const deptParam = params.get('department');
  const department = deptParam === 'all' ? null : (deptParam ?? can.departmentId);
  const status = (['open', 'related', 'dismissed'].includes(params.get('status') ?? '') ? params.get('status') : 'open') as SynergyStatus;
  const minScore = Number(params.get('minScore') ?? DEFAULT_MIN_SCORE);
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const q = useSynergies({ department: department ?? undefined, status, minScore, page, pageSize: PAGE_SIZE });
  const invalidate = useInvalidateSynergies();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [merging, setMerging] = useState<SynergyPair | null>(null);
  usePageTitle(t('title'));

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value == null) next.delete(key);
    else next.set(key, value);
    next.delete('page');
    setParams(next);
  };
  const coordinatorPlus = can.role === 'admin' || can.role === 'coordinator';
  const canAct = (p: SynergyPair) =>
    coordinatorPlus || (can.role === 'department' && !!can.departmentId && [p.a.leadDepartmentId, p.b.leadDepartmentId].includes(can.departmentId));

  async function run(pair: SynergyPair, fn: () => Promise<unknown>, message: string, merged?: string) {
    setBusy(true);
    setError(null);
    setFlash(null);
    try {
      await fn();
      setFlash(message);
      invalidate(merged);
    } catch (e) {
      setError(e);
      invalidate();
    } finally {
      setBusy(false);
    }
  }

  function onAction(action: PairAction, p: SynergyPair) {
    const names2 = { a: p.a.title, b: p.b.title };
    if (action === 'merge') return setMerging(p);
    if (action === 'confirm') return run(p, () => synergyActions.relate(p.a.id, p.b.id), t('confirmed', names2));
    if (action === 'dismiss') return run(p, () => synergyActions.dismiss(p.a.id, p.b.id), t('dismissed', names2));
    if (action === 'restore') return run(p, () => synergyActions.restore(p.a.id, p.b.id), t('restored', names2));
    return run(p, () => synergyActions.unlink(p.a.id, p.b.id), t('unlinked', names2));
  }

  function merge(keepId: string) {
    const p = merging!;
    setMerging(null);
    const [keep, dup] = keepId === p.a.id ? [p.a, p.b] : [p.b, p.a];
    void run(p, () => synergyActions.merge(keep, dup), t('merged', { keep: keep.title, dup: dup.title }), dup.id);
  }

  const data = q.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const hrefFor = (n: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    return `?${next}`;
  };
  return (
    <>
      <PageHeader title={t('title')}>
        <p className="synergy-intro">{t('intro')}</p>
      </PageHeader>
      <form className="card synergy-filters" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="synergy-department">{t('department')}</label>
          <select id="synergy-department" value={department ?? 'all'} onChange={(e) => set('department', e.target.value)}>
            <option value="all">{t('allDepartments')}</option>
            {names.departments.map((d) => <option key={d.id} value={d.id}>{d.label}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="synergy-status">{t('status')}</label>
          <select id="synergy-status" value={status} onChange={(e) => set('status', e.target.value === 'open' ? null : e.target.value)}>
            <option value="open">{t('statusOpen')}</option>
            <option value="related">{t('statusRelated')}</option>
            <option value="dismissed">{t('statusDismissed')}</option>
          </select>
        </div>
        {status === 'open' && (
          <div className="field">
            <label htmlFor="synergy-min">{t('minScore')}</label>
            <select id="synergy-min" value={minScore} aria-describedby="synergy-min-hint" onChange={(e) => set('minScore', e.target.value)}>
              {SCORES.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
            <span className="hint" id="synergy-min-hint">{t('minScoreHint', { n: DEFAULT_MIN_SCORE })}</span>
          </div>
        )}
      </form>
      <p className="synergy-neighbours-link">
        <Link to={department ? `/synergies/my-districts?department=${department}` : '/synergies/my-districts'}>
          {department ? t('neighboursLink', { dept: names.name(department) }) : t('neighboursLinkAny')}
        </Link>
      </p>
      <StatusMessage message={flash} />
      <ErrorMessage error={error} />
      <ErrorMessage error={conceptError} />
      <section aria-labelledby="synergy-list-heading">
        <h2 id="synergy-list-heading">
          {t(status === 'open' ? 'statusOpen' : status === 'related' ? 'statusRelated' : 'statusDismissed')}
          {data && <span className="synergy-count"> – {data.total === 1 ? t('countOne') : t('count', { n: data.total.toLocaleString('de-DE') })}</span>}
        </h2>
        {q.error ? (
          <ErrorMessage error={q.error} />
        ) : !data ? (
          <Spinner label={t('loading')} />
        ) : data.items.length === 0 ? (
          <EmptyState>{t(status === 'open' ? 'empty' : status === 'related' ? 'emptyRelated' : 'emptyDismissed')}</EmptyState>
        ) : (
          <ul className="synergy-list" aria-busy={busy || q.isFetching}>
            {data.items.map((p) => (
              <PairCard key={p.key} pair={p} names={names} canAct={canAct(p)} canMerge={coordinatorPlus} busy={busy} onAction={onAction} />
            ))}
          </ul>
        )}
        {busy && <Spinner label={t('working')} />}
        <Pagination page={page} pages={pages} hrefFor={hrefFor} />
      </section>
      <MergeDialog pair={merging} onMerge={merge} onCancel={() => setMerging(null)} />
    </>
  );
}
