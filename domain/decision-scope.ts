/**
 * What a prioritisation decision may touch (pure: no I/O).
 *
 * Documented rules:
 * - A decision changes only the measures a person put into it. The form may PRESELECT only measures
 *   that the round ranked (a complete score, so a rank): each with its current class, or else the class
 *   the ranking suggests, and its current horizon, or else the one that goes with the class.
 * - A measure without a rank (nobody scored it completely) is never preselected and gets no preset
 *   class or horizon: it stays unchanged unless someone includes it on its own and picks both.
 * - "Top N" includes the ranked measures with rank ≤ N (measures tied at rank N all come in, so a tie
 *   is never split arbitrarily) and leaves out every other measure, unranked ones included.
 * - Before it is applied, the decision is summarised per measure: status, class and horizon before and
 *   after (the status after as statusAfterDecision gives it).
 */
import { statusAfterDecision, type MeasureStatus, type PriorityClass } from './measure-state';

export type Horizon = 'short' | 'medium' | 'long';

/** The horizon that goes with a class when the measure has none: A soon, B medium, C later. */
export const HORIZON_FOR_CLASS: Record<PriorityClass, Horizon> = { A: 'short', B: 'medium', C: 'long' };

export interface ScopeMeasure {
  id: string;
  status: MeasureStatus;
  priority: PriorityClass | null;
  horizon: Horizon | null;
}

export interface ScopeResult {
  measureId: string;
  rank: number | null;
  suggestedClass: PriorityClass | null;
}

export interface DraftItem {
  measureId: string;
  /** false: unscored, shown apart and never preselected */
  ranked: boolean;
  include: boolean;
  /** null until someone picks a class (only ever for unranked measures) */
  priority: PriorityClass | null;
  horizon: Horizon | null;
}

/** The form's starting point: ranked measures preselected, unranked ones left out with nothing preset. */
export function initialDraft(measures: ScopeMeasure[], results: ScopeResult[]): DraftItem[] {
  const byId = new Map(results.map((r) => [r.measureId, r]));
  return measures.map((m) => {
    const r = byId.get(m.id);
    if (r?.rank == null) return { measureId: m.id, ranked: false, include: false, priority: null, horizon: null };
    const priority = m.priority ?? r.suggestedClass ?? null;
    const horizon = m.horizon ?? (priority ? HORIZON_FOR_CLASS[priority] : null);
    return { measureId: m.id, ranked: true, include: priority != null, priority, horizon };
  });
}

/** Includes exactly the ranked measures with rank ≤ n; everything else is left out. */
export function selectTop(draft: DraftItem[], results: ScopeResult[], n: number): DraftItem[] {
  const rank = new Map(results.map((r) => [r.measureId, r.rank]));
  return draft.map((d) => {
    const r = rank.get(d.measureId);
    return { ...d, include: d.ranked && r != null && r <= n && d.priority != null && d.horizon != null };
  });
}

/** Included items that still lack a class or a horizon (an unranked measure someone ticked). */
export function incompleteItems(draft: DraftItem[]): string[] {
  return draft.filter((d) => d.include && (d.priority == null || d.horizon == null)).map((d) => d.measureId);
}

export interface MeasureState {
  status: MeasureStatus;
  priority: PriorityClass | null;
  horizon: Horizon | null;
}

export interface DecisionChange {
  measureId: string;
  before: MeasureState;
  after: MeasureState;
  /** false when the decision confirms what the measure already has */
  changes: boolean;
}

/** The summary shown before confirming: every included measure, old → new. */
export function decisionChanges(measures: ScopeMeasure[], draft: DraftItem[]): DecisionChange[] {
  const byId = new Map(measures.map((m) => [m.id, m]));
  return draft
    .filter((d) => d.include && d.priority != null && d.horizon != null)
    .map((d) => {
      const m = byId.get(d.measureId)!;
      const before = { status: m.status, priority: m.priority, horizon: m.horizon };
      const after = { status: statusAfterDecision(m.status), priority: d.priority, horizon: d.horizon };
      const changes = before.status !== after.status || before.priority !== after.priority || before.horizon !== after.horizon;
      return { measureId: d.measureId, before, after, changes };
    });
}
