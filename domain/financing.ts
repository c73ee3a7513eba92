/**
 * Funding plan of a measure and the cost and financing overview (KoFi) — pure, integer cents throughout.
 *
 * Rules:
 * - Rejected sources never count. All other statuses (idea … paid out) count as planned money.
 * - Levels: a programme source counts at its programme's level (EU, federation, state; "other" and an
 *   unknown programme count as third parties); the municipal budget is the municipality; third parties
 *   are third parties.
 * - fundedCents = all counted money that is not the municipal budget.
 * - gapCents = max(0, cost − all counted money): the rest nobody covers yet (0 when the cost is unknown).
 * - ownShareCents (Eigenanteil) = municipal budget + gap: whatever is not covered falls to the municipality.
 * - Amounts are summed as integers; a non-integer amount is rounded to whole cents for the sums and
 *   reported by `planProblems`.
 * - A programme source (not rejected) that takes more than the programme's maximum grant, or more than
 *   its typical upper end per project (e.g. 2,2 Mio. € from LEADER, typically up to 200.000 €), is
 *   reported: the plan counts on money the programme rarely or never gives.
 */
import type { Locale } from './format';
import { PLAN_TEXTS } from './funding-texts';

export type Level = 'eu' | 'federal' | 'state' | 'municipality' | 'third_party';
export const LEVELS: readonly Level[] = ['eu', 'federal', 'state', 'municipality', 'third_party'];
export const LEVEL_LABELS: Record<Level, string> = {
  eu: 'EU',
  federal: 'Bund',
  state: 'Land',
  municipality: 'Kommune',
  third_party: 'Dritte',
};

export type SourceStatus = 'idea' | 'preparing' | 'applied' | 'approved' | 'rejected' | 'paid_out';

export interface PlanSource {
  kind: 'programme' | 'municipal_budget' | 'third_party';
  programmeLevel: 'eu' | 'federal' | 'state' | 'other' | null;
  programmeName: string | null;
  /** the programme's maximum grant and typical upper end per project, when recorded */
  programmeMaxCents?: number | null;
  programmeTypicalMaxCents?: number | null;
  status: SourceStatus;
  /** year → cents */
  amounts: Record<string, number>;
  applicationDeadline: string | null;
}

export interface PlanTotals {
  byLevel: Record<Level, number>;
  fundedCents: number;
  /** Eigenanteil: municipal budget plus the uncovered rest */
  ownShareCents: number;
  gapCents: number;
}

export interface PlanProblem {
  code: string;
  message: string;
}

export interface KofiInputRow {
  costCents: number | null;
  byYear: Record<string, Partial<Record<Level, number>>>;
  totals: PlanTotals;
}

export interface KofiSums {
  years: string[];
  sums: Record<string, Record<Level, number>>;
  totals: PlanTotals & { costCents: number };
}

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export function emptyLevels(): Record<Level, number> {
  return { eu: 0, federal: 0, state: 0, municipality: 0, third_party: 0 };
}

/** The level a source counts at. */
export function levelOf(s: PlanSource): Level {
  if (s.kind === 'municipal_budget') return 'municipality';
  if (s.kind === 'third_party') return 'third_party';
  switch (s.programmeLevel) {
    case 'eu':
      return 'eu';
    case 'federal':
      return 'federal';
    case 'state':
      return 'state';
    default:
      return 'third_party';
  }
}

const counts = (s: PlanSource) => s.status !== 'rejected';
const cents = (n: number) => (Number.isFinite(n) ? Math.round(n) : 0);

/** Totals of one measure's plan (see the rules at the top). */
export function planTotals(costCents: number | null, sources: PlanSource[]): PlanTotals {
  const byLevel = emptyLevels();
  for (const s of sources) {
    if (!counts(s)) continue;
    const level = levelOf(s);
    for (const amount of Object.values(s.amounts)) byLevel[level] += cents(amount);
  }
  const all = LEVELS.reduce((a, l) => a + byLevel[l], 0);
  const gapCents = costCents == null ? 0 : Math.max(0, cents(costCents) - all);
  return {
    byLevel,
    fundedCents: all - byLevel.municipality,
    ownShareCents: byLevel.municipality + gapCents,
    gapCents,
  };
}

/** Checks of one plan, in plain German (or English: `ctx.locale`; the wording is in funding-texts.ts). */
export function planProblems(costCents: number | null, sources: PlanSource[], ctx: { plannedStart: string | null; today: string; locale?: Locale }): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const tx = PLAN_TEXTS[ctx.locale ?? 'de'];
  const totals = planTotals(costCents, sources);
  const counted = LEVELS.reduce((a, l) => a + totals.byLevel[l], 0);

  if (costCents == null) {
    problems.push({ code: 'cost_unknown', message: tx.costUnknown() });
  } else if (counted > costCents) {
    problems.push({ code: 'over_funded', message: tx.overFunded(costCents, counted - costCents) });
  } else if (totals.gapCents > 0 && sources.some(counts)) {
    problems.push({ code: 'gap', message: tx.gap(totals.gapCents, costCents) });
  }

  sources.forEach((s, i) => {
    const label = tx.source(i, s.kind, s.programmeName);
    if (s.kind === 'programme' && !s.programmeName) {
      problems.push({ code: 'programme_missing', message: tx.programmeMissing(label) });
    }
    for (const [year, amount] of Object.entries(s.amounts)) {
      const y = /^\d{4}$/.test(year) ? Number(year) : NaN;
      if (!(y >= MIN_YEAR && y <= MAX_YEAR)) {
        problems.push({ code: 'year_out_of_range', message: tx.yearOutOfRange(label, year, MIN_YEAR, MAX_YEAR) });
      }
      if (!Number.isFinite(amount)) {
        problems.push({ code: 'amount_invalid', message: tx.amountInvalid(label, year) });
        continue;
      }
      if (amount < 0) problems.push({ code: 'negative_amount', message: tx.negativeAmount(label, year, cents(amount)) });
      if (!Number.isInteger(amount)) problems.push({ code: 'non_integer_amount', message: tx.nonIntegerAmount(label, year) });
    }
    if (s.kind === 'programme' && counts(s)) {
      const total = Object.values(s.amounts).reduce((a, x) => a + cents(x), 0);
      const max = s.programmeMaxCents ?? null;
      const typical = s.programmeTypicalMaxCents ?? null;
      if (max != null && total > max) {
        problems.push({ code: 'above_programme_max', message: tx.aboveProgrammeMax(label, total, max) });
      } else if (typical != null && total > typical) {
        problems.push({ code: 'above_typical', message: tx.aboveTypical(label, total, typical) });
      }
    }
    const notYetApplied = s.status === 'idea' || s.status === 'preparing';
    const deadline = s.applicationDeadline;
    if (deadline && notYetApplied && ctx.plannedStart && deadline > ctx.plannedStart) {
      problems.push({ code: 'deadline_after_start', message: tx.deadlineAfterStart(label, deadline, ctx.plannedStart) });
    }
    if (deadline && notYetApplied && deadline < ctx.today) {
      problems.push({ code: 'deadline_passed', message: tx.deadlinePassed(label, deadline) });
    }
  });
  return problems;
}

/** Counted money by year and level (every year carries all five levels). */
export function byYearAndLevel(sources: PlanSource[]): Record<string, Record<Level, number>> {
  const out: Record<string, Record<Level, number>> = {};
  for (const s of sources) {
    if (!counts(s)) continue;
    const level = levelOf(s);
    for (const [year, amount] of Object.entries(s.amounts)) {
      (out[year] ??= emptyLevels())[level] += cents(amount);
    }
  }
  return Object.fromEntries(Object.keys(out).sort().map((y) => [y, out[y]]));
}

/**
 * Splits whole cents into `parts` parts that differ by at most one cent and sum exactly to the total;
 * the remainder goes cent by cent to the first parts. Städtebauförderung ⅓ each of 1.000.000,01 €:
 * 333.333,34 € + 333.333,34 € + 333.333,33 €. Negative totals split the same way with the sign kept.
 */
export function splitEvenly(totalCents: number, parts: number): number[] {
  if (!Number.isInteger(totalCents)) throw new RangeError('splitEvenly: total must be whole cents');
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError('splitEvenly: parts must be a positive integer');
  const sign = totalCents < 0 ? -1 : 1;
  const abs = Math.abs(totalCents);
  const base = Math.floor(abs / parts);
  const remainder = abs - base * parts;
  return Array.from({ length: parts }, (_, i) => sign * (base + (i < remainder ? 1 : 0)) + 0);
}

/**
 * Sums of the KoFi over all rows: by year and level, and the totals. The gap is the sum of each
 * measure's gap (over-funding of one measure never fills another's gap); costCents sums the known costs.
 */
export function sumKofi(rows: KofiInputRow[]): KofiSums {
  const sums: Record<string, Record<Level, number>> = {};
  const totals = { byLevel: emptyLevels(), fundedCents: 0, ownShareCents: 0, gapCents: 0, costCents: 0 };
  for (const row of rows) {
    for (const [year, levels] of Object.entries(row.byYear)) {
      const target = (sums[year] ??= emptyLevels());
      for (const l of LEVELS) target[l] += levels[l] ?? 0;
    }
    for (const l of LEVELS) totals.byLevel[l] += row.totals.byLevel[l] ?? 0;
    totals.fundedCents += row.totals.fundedCents;
    totals.ownShareCents += row.totals.ownShareCents;
    totals.gapCents += row.totals.gapCents;
    totals.costCents += row.costCents ?? 0;
  }
  const years = Object.keys(sums).sort();
  return { years, sums: Object.fromEntries(years.map((y) => [y, sums[y]])), totals };
}
