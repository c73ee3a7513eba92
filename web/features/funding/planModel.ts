import { parseMoney, type Locale } from '../../../domain/format';
import { MAX_YEAR, MIN_YEAR, planProblems, planTotals, type PlanProblem, type PlanSource, type PlanTotals } from '../../../domain/financing';
import type { FundingPlan, FundingProgramme, FundingSource } from '../../../contract/funding';
import type { SourceKind, SourceStatus } from './labels';
import { centsToInput, todayIso } from './util';

/** One row of the plan editor, as typed: amounts stay text until saved (German style, parseMoney). */
export interface DraftSource {
  key: number;
  kind: SourceKind;
  programmeId: string;
  label: string;
  status: SourceStatus;
  applicationDeadline: string;
  /** year → amount as typed */
  amounts: Record<string, string>;
  note: string;
}

export interface Draft {
  sources: DraftSource[];
  /** the year columns, ascending and contiguous */
  years: string[];
}

export interface PlanMeasure {
  costCents: number | null;
  plannedStart: string | null;
  plannedEnd: string | null;
}

let nextKey = 1;

export function newSource(kind: SourceKind, patch: Partial<DraftSource> = {}): DraftSource {
  return { key: nextKey++, kind, programmeId: '', label: '', status: 'idea', applicationDeadline: '', amounts: {}, note: '', ...patch };
}

const year = (iso: string | null) => (iso ? Number(iso.slice(0, 4)) : null);

/** The year a measure starts in (or this year when no start is planned). */
export const startYear = (m: PlanMeasure) => String(year(m.plannedStart) ?? new Date().getFullYear());

/** From the planned start year to the end year (or current year + 4), widened to every year with an amount. */
export function defaultYears(m: PlanMeasure, used: string[] = []): string[] {
  const thisYear = new Date().getFullYear();
  const from = year(m.plannedStart) ?? thisYear;
  const to = year(m.plannedEnd) ?? Math.max(from, thisYear + 4);
  const nums = [from, to, ...used.map(Number).filter((y) => Number.isInteger(y))];
  return range(Math.max(MIN_YEAR, Math.min(...nums)), Math.min(MAX_YEAR, Math.max(...nums)));
}

export const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => String(a + i));

export function fromPlan(plan: FundingPlan, m: PlanMeasure): Draft {
  const sources = plan.sources.map((s: FundingSource) =>
    newSource(s.kind, {
      programmeId: s.programmeId ?? '',
      label: s.label,
      status: s.status,
      applicationDeadline: s.applicationDeadline ?? '',
      amounts: Object.fromEntries(Object.entries(s.amounts).map(([y, c]) => [y, centsToInput(c)])),
      note: s.note,
    }),
  );
  return { sources, years: defaultYears(m, plan.sources.flatMap((s) => Object.keys(s.amounts))) };
}

/** Parsed amount: cents, null for an empty field, NaN for text parseMoney cannot read. */
export function amountValue(text: string | undefined): number | null {
  if (!text || !text.trim()) return null;
  return parseMoney(text) ?? NaN;
}

/** The draft in the shape of domain/financing.ts, so that totals and checks are the server's own functions. */
export function toPlanSources(draft: Draft, programmes: FundingProgramme[]): PlanSource[] {
  return draft.sources.map((s) => {
    const p = s.kind === 'programme' ? programmes.find((x) => x.id === s.programmeId) : undefined;
    const amounts: Record<string, number> = {};
    for (const [y, text] of Object.entries(s.amounts)) {
      const v = amountValue(text);
      if (v != null) amounts[y] = v;
    }
    return {
      kind: s.kind,
      programmeLevel: p?.level ?? null,
      programmeName: p?.name ?? null,
      status: s.status,
      amounts,
      applicationDeadline: s.applicationDeadline || null,
    };
  });
}

export function liveCheck(draft: Draft, programmes: FundingProgramme[], m: PlanMeasure, locale: Locale = 'de'): { totals: PlanTotals; problems: PlanProblem[] } {
  const sources = toPlanSources(draft, programmes);
  return {
    totals: planTotals(m.costCents, sources),
    problems: planProblems(m.costCents, sources, { plannedStart: m.plannedStart, today: todayIso(), locale }),
  };
}

/** Body of PUT /measures/:id/funding-plan (empty amounts left out). Call only after `draftErrors` is empty. */
export function toBody(draft: Draft) {
  return draft.sources.map((s) => {
    const amounts: Record<string, number> = {};
    for (const [y, text] of Object.entries(s.amounts)) {
      const v = amountValue(text);
      if (v != null && Number.isFinite(v)) amounts[y] = v;
    }
    return {
      kind: s.kind,
      programmeId: s.kind === 'programme' && s.programmeId ? s.programmeId : null,
      label: s.kind === 'programme' ? '' : s.label.trim(),
      status: s.status,
      applicationDeadline: s.applicationDeadline || null,
      amounts,
      note: s.note.trim(),
    };
  });
}

/** The saved sources in the same normalised shape, to tell whether the draft differs. */
export const savedBody = (plan: FundingPlan) =>
  plan.sources.map((s) => ({
    kind: s.kind,
    programmeId: s.kind === 'programme' ? s.programmeId : null,
    label: s.kind === 'programme' ? '' : s.label.trim(),
    status: s.status,
    applicationDeadline: s.applicationDeadline,
    amounts: Object.fromEntries(Object.entries(s.amounts).sort(([a], [b]) => a.localeCompare(b))),
    note: s.note.trim(),
  }));

const sortAmounts = (b: ReturnType<typeof toBody>) =>
  b.map((s) => ({ ...s, amounts: Object.fromEntries(Object.entries(s.amounts).sort(([a], [c]) => a.localeCompare(c))) }));

export const isDirty = (draft: Draft, plan: FundingPlan) => JSON.stringify(sortAmounts(toBody(draft))) !== JSON.stringify(savedBody(plan));

export type DraftErrorKey = 'programmeRequired' | 'amountUnreadable';

/** Control id of a cell in the editor. */
export const cellId = (key: number, field: string) => `src-${key}-${field}`;

/** Local checks before saving: a programme source needs a programme; every amount must be readable. */
export function draftErrors(draft: Draft): { id: string; row: number; key: DraftErrorKey; year?: string }[] {
  const out: { id: string; row: number; key: DraftErrorKey; year?: string }[] = [];
  draft.sources.forEach((s, i) => {
    if (s.kind === 'programme' && !s.programmeId) out.push({ id: cellId(s.key, 'programme'), row: i + 1, key: 'programmeRequired' });
    for (const y of Object.keys(s.amounts).sort()) {
      if (Number.isNaN(amountValue(s.amounts[y]))) out.push({ id: cellId(s.key, `amount-${y}`), row: i + 1, key: 'amountUnreadable', year: y });
    }
  });
  return out;
}
