/**
 * Same-load comparison for bench/funding.ts: the code paths as they were before the speed fixes, rebuilt
 * here from the same service functions, timed interleaved with the current ones (old, new, old, new …),
 * so both see the same machine load. On a busy shared machine absolute figures say little; the ratio
 * does. Used only by bench/funding.ts.
 *
 * Before the fixes:
 * - matching re-normalised the measure's words for every programme (now prepared once per measure
 *   object) — rebuilt by handing `matchProgramme` a fresh copy of the measure for every programme;
 *   the topic-stem cache stays on in both, so the ratio understates the gain;
 * - every match request loaded the whole catalogue (now cached against the catalogue version);
 * - the KoFi loaded every column of every filtered measure, then their sources by an id array (now one
 *   query on the same filter that returns measures and sources as two JSON texts).
 */
import type { Db } from '../server/db/client';
import { byYearAndLevel, LEVELS, planTotals, sumKofi, type PlanSource } from '../domain/financing';
import { matchProgramme, type MatchProgramme } from '../domain/funding-match';
import { getMeasure, listMeasuresFull } from '../server/modules/measures/measures.service';
import { listProgrammes } from '../server/modules/funding/programmes.service';
import { matcherInputs, programmesForMeasure } from '../server/modules/funding/match.service';
import { kofi } from '../server/modules/funding/plan.service';

async function oldKofi(db: Db, municipalityId: string) {
  const measures = await listMeasuresFull(db, municipalityId, { sort: 'number' });
  const sources = await db.query<PlanSource & { measureId: string }>(
    `SELECT s.measure_id AS "measureId", s.kind, s.status, s.amounts, s.application_deadline AS "applicationDeadline", p.level AS "programmeLevel", p.name AS "programmeName"
       FROM funding_source s LEFT JOIN funding_programme p ON p.id = s.programme_id AND p.municipality_id = s.municipality_id
      WHERE s.municipality_id = $1 AND s.measure_id = ANY($2::uuid[]) ORDER BY s.position`,
    [municipalityId, measures.map((m) => m.id)],
  );
  const byMeasure = new Map<string, PlanSource[]>();
  for (const s of sources) byMeasure.set(s.measureId, [...(byMeasure.get(s.measureId) ?? []), s]);
  const rows = measures.map((m) => {
    const all = byMeasure.get(m.id) ?? [];
    return { measureId: m.id, number: m.number, title: m.title, costCents: m.costCents, byYear: byYearAndLevel(all.filter((s) => s.status !== 'rejected')), totals: planTotals(m.costCents, all) };
  });
  return { rows, levels: [...LEVELS], ...sumKofi(rows) };
}

async function oldMatch(db: Db, municipalityId: string, measureId: string) {
  const [measure, programmes, { toMatch, ctx }] = await Promise.all([
    getMeasure(db, { municipalityId }, measureId),
    listProgrammes(db, municipalityId),
    matcherInputs(db, municipalityId),
  ]);
  const m = toMatch(measure);
  return programmes.map((p: MatchProgramme) => matchProgramme({ ...m }, p, ctx));
}

export interface AbResult { what: string; before: number; after: number; rounds: number }

/** Median ms of the old and the new path, measured alternately. */
export async function compareBeforeAfter(db: Db, municipalityId: string, measureIds: string[], rounds = 7): Promise<AbResult[]> {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const time = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  const pairs: [string, () => Promise<unknown>, () => Promise<unknown>][] = [];
  let i = 0;
  const nextId = () => measureIds[i++ % measureIds.length];
  pairs.push([`match one measure against the catalogue (service, no HTTP)`, () => oldMatch(db, municipalityId, nextId()), () => programmesForMeasure(db, municipalityId, nextId())]);
  pairs.push([`KoFi, all measures (service, no HTTP)`, () => oldKofi(db, municipalityId), () => kofi(db, municipalityId, {})]);
  const out: AbResult[] = [];
  for (const [what, before, after] of pairs) {
    await before();
    await after(); // warm-up, caches filled as in a running server
    const b: number[] = [];
    const a: number[] = [];
    for (let r = 0; r < rounds; r++) {
      b.push(await time(before));
      a.push(await time(after));
    }
    out.push({ what, before: median(b), after: median(a), rounds });
  }
  return out;
}
