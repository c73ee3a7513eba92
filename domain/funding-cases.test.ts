/**
 * The matcher against a planner's order (funding-cases.ts): per case the Spearman rank correlation
 * and whether the matcher's first programme is one of the planner's first group and listed; printed per
 * case and overall, with floors asserted.
 *
 * Both sides order only what they find worth an application: the planner's unlisted programmes share
 * the last rank, and so do the matcher's programmes that it does not list (state no_fit or
 * not_eligible) — their order among themselves means nothing. Ties get their average rank, and ρ is
 * the Pearson correlation of the ranks.
 */
import { describe, expect, it } from 'vitest';
import { FUNDING_PROGRAMMES } from '../server/db/seed/funding-programmes';
import { demoData } from '../server/db/seed/demo-data';
import { CASES_MUNICIPALITY, CASES_TODAY, FUNDING_CASES, PROGRAMME_KEYS, type FundingCase, type ProgrammeKey } from './funding-cases';
import { rankProgrammes, type MatchContext, type MatchMeasure, type MatchProgramme, type ProgrammeMatchResult } from './funding-match';

const keyOf = (name: string): ProgrammeKey => {
  const hit = PROGRAMME_KEYS.find(([, re]) => re.test(name));
  if (!hit) throw new Error(`no key for ${name}`);
  return hit[0];
};

const programmes: MatchProgramme[] = FUNDING_PROGRAMMES.map((p) => ({ ...p, id: keyOf(p.name) }));
const KEYS = programmes.map((p) => p.id as ProgrammeKey);

const ctx: MatchContext = { applicantType: 'municipality', today: CASES_TODAY, ...CASES_MUNICIPALITY };

function toMeasure(c: FundingCase): MatchMeasure {
  return {
    ...c.measure,
    districts: c.measure.districts.map((d) => ({ name: d.name, designations: d.designations })),
  };
}

/** Listed to the user as worth an application: eligible, or eligible once a condition is checked. */
const listed = (r: ProgrammeMatchResult) => {
  // (before match states existed, `eligible` alone decided: kept so the cases measure old code too)
  const state = (r as { state?: string }).state ?? (r.eligible ? 'eligible' : 'not_eligible');
  return state === 'eligible' || state === 'check';
};

/** 1-based ranks from ordered groups (ties share their average rank); keys in no group share the last rank. */
function plannerRanks(groups: ProgrammeKey[][]): Map<ProgrammeKey, number> {
  const rest = KEYS.filter((k) => !groups.flat().includes(k));
  const ranks = new Map<ProgrammeKey, number>();
  let next = 1;
  for (const g of [...groups, rest]) {
    const avg = next + (g.length - 1) / 2;
    for (const k of g) ranks.set(k, avg);
    next += g.length;
  }
  return ranks;
}

function pearson(a: number[], b: number[]): number {
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const ma = mean(a);
  const mb = mean(b);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i] - ma) * (b[i] - mb);
    da += (a[i] - ma) ** 2;
    db += (b[i] - mb) ** 2;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}

interface Outcome {
  id: string;
  rho: number | null;
  top1: boolean;
  order: string;
}

function evaluate(c: FundingCase): Outcome {
  const ranked = rankProgrammes(toMeasure(c), programmes, ctx);
  const order = ranked.map((r) => `${r.programmeId}${listed(r) ? '' : '✗'}`).join(' > ');
  if (c.planner.length === 0) {
    // nothing is worth an application: agreement means the matcher lists nothing either
    return { id: c.id, rho: null, top1: !ranked.some(listed), order };
  }
  const planner = plannerRanks(c.planner);
  const matcher = plannerRanks(ranked.filter(listed).map((r) => [r.programmeId as ProgrammeKey]));
  const rho = pearson(KEYS.map((k) => planner.get(k)!), KEYS.map((k) => matcher.get(k)!));
  const top1 = c.planner[0].includes(ranked[0].programmeId as ProgrammeKey) && listed(ranked[0]);
  return { id: c.id, rho, top1, order };
}

describe('hand-ranked funding cases', () => {
  const outcomes = FUNDING_CASES.map(evaluate);
  const rhos = outcomes.map((o) => o.rho).filter((r): r is number => r != null);
  const meanRho = rhos.reduce((s, r) => s + r, 0) / rhos.length;
  const top1 = outcomes.filter((o) => o.top1).length;

  it('reports rank correlation and top-1 agreement per case and overall', () => {
    const lines = outcomes.map(
      (o) => `${o.id.padEnd(22)} ρ=${o.rho == null ? '  – ' : o.rho.toFixed(2).padStart(5)}  top-1 ${o.top1 ? 'ja  ' : 'NEIN'}  ${o.order}`,
    );
    console.log(
      [...lines, `overall: top-1 ${top1} of ${outcomes.length}, mean ρ ${meanRho.toFixed(3)} over ${rhos.length} ranked cases`].join('\n'),
    );
    expect(FUNDING_CASES.length).toBeGreaterThanOrEqual(10);
  });

  // reached when tuned: top-1 in 14 of 14, mean ρ 0.886; the floors leave room for one miss
  it('agrees with the planner: top-1 in at least 13 of 14 cases, mean rank correlation at least 0.85', () => {
    expect(top1).toBeGreaterThanOrEqual(13);
    expect(meanRho).toBeGreaterThanOrEqual(0.85);
  });

  it('lists every programme of the planner’s first group as worth an application', () => {
    for (const c of FUNDING_CASES) {
      const ranked = rankProgrammes(toMeasure(c), programmes, ctx);
      for (const k of c.planner[0] ?? []) {
        const r = ranked.find((x) => x.programmeId === k)!;
        expect(listed(r), `${c.id}: ${k} should be listed`).toBe(true);
      }
    }
  });
});

describe('the demo (Musterstadt) against the shipped catalogue', () => {
  it('the market square in the old town: Lebendige Zentren first and eligible; LEADER not eligible; KfW 432 not listed; the old town is designated', () => {
    const b = demoData.briefs.find((x) => x.title === 'Umgestaltung des Marktplatzes')!;
    const districts = demoData.districts.filter((d) => b.districts.includes(d.name)).map((d) => ({ name: d.name, designations: d.designations ?? [] }));
    expect(districts).toEqual([{ name: 'Altstadt', designations: ['lebendige_zentren'] }]);
    const m: MatchMeasure = {
      costCents: b.costEur == null ? null : b.costEur * 100, plannedStart: b.plannedStart ?? null, tags: b.tags, actionFieldNames: b.actionFields,
      title: b.title, description: [b.need, b.goal, b.description].join(' '), districts,
    };
    const ranked = rankProgrammes(m, programmes, { ...ctx, today: '2026-12-07' });
    expect([ranked[0].programmeId, ranked[0].state]).toEqual(['LZ', 'eligible']);
    expect(ranked.find((r) => r.programmeId === 'LEADER')!.state).toBe('not_eligible');
    expect(listed(ranked.find((r) => r.programmeId === 'KFW432')!)).toBe(false);
  });
});
