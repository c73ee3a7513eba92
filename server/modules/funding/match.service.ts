import type { Db } from '../../db/client';
import type { ProgrammeMatch } from '../../../contract/funding';
import type { Measure } from '../../../contract/measures';
import type { Locale } from '../../../domain/format';
import { rankMeasures, rankProgrammes, type MatchContext, type MatchMeasure, type MeasureMatch, type RankableMeasure } from '../../../domain/funding-match';
import { getConcept } from '../concept/concept.service';
import { getMeasure } from '../measures/measures.service';
import { listVersion } from '../measures/list-cache';
import { versionedCache } from '../../db/versioned-cache';
import { getProgramme } from './programmes.service';
import { cachedCatalogue } from './catalogue.cache';

const today = () => new Date().toISOString().slice(0, 10);

/** Names of fields of action and districts (with their designated funding areas) for the matcher. */
export async function matcherInputs(db: Db, municipalityId: string, locale: Locale = 'de') {
  const concept = await getConcept(db, municipalityId);
  const fields = new Map(concept.actionFields.map((a) => [a.id, a.name]));
  const districts = new Map(concept.districts.map((d) => [d.id, { name: d.name, designations: d.designations }]));
  const toMatch = (m: MatchFields): MatchMeasure => ({
    costCents: m.costCents,
    plannedStart: m.plannedStart,
    tags: m.tags,
    actionFieldNames: m.actionFieldIds.map((id) => fields.get(id)).filter((n): n is string => !!n),
    title: m.title,
    description: [m.need, m.goal, m.description].join(' '),
    districts: m.districtIds.flatMap((id) => districts.get(id) ?? []),
  });
  const ctx: MatchContext = {
    applicantType: 'municipality', financiallyWeak: concept.municipality.financiallyWeak, settlementType: concept.municipality.settlementType, today: today(), locale,
  };
  // what toMatch reads from the concept: matchable measures are cached per version of it
  const conceptKey = JSON.stringify([[...fields], [...districts]]);
  return { toMatch, ctx, conceptKey };
}

type MatchFields = Pick<Measure, 'costCents' | 'plannedStart' | 'tags' | 'actionFieldIds' | 'title' | 'need' | 'goal' | 'description' | 'districtIds'>;

/**
 * Every brief of the municipality as the matcher takes it, cached per (list version, concept names)
 * (db/versioned-cache.ts). The cached objects keep the words the matcher prepares for them (domain
 * `prepared`), so ranking 10,000 briefs for a programme no longer loads and folds all their texts
 * each time: 1.6–2.1 s → ≈ 0.3 s (docs/benchmarks.md). Loaded lean, as one JSON text.
 */
const matchable = versionedCache<RankableMeasure[]>(30_000, (ms) => ms.length + 1);

async function matchableMeasures(db: Db, municipalityId: string, inputs: Awaited<ReturnType<typeof matcherInputs>>): Promise<RankableMeasure[]> {
  const version = await listVersion(db, municipalityId);
  const cached = await matchable(db, municipalityId, version, inputs.conceptKey, async () => {
    const [{ rows }] = await db.query<{ rows: string | null }>(
      `SELECT json_agg(json_build_array(id, number, title, need, goal, description, tags, action_field_ids, district_ids, cost_cents, planned_start) ORDER BY number)::text AS rows
         FROM measure WHERE municipality_id = $1`,
      [municipalityId],
    );
    type Lean = [string, number, string, string | null, string | null, string | null, string[], string[], string[], number | null, string | null];
    return (JSON.parse(rows ?? '[]') as Lean[]).map(([id, number, title, need, goal, description, tags, actionFieldIds, districtIds, costCents, plannedStart]) => ({
      ...inputs.toMatch({ title, need: need ?? '', goal: goal ?? '', description: description ?? '', tags, actionFieldIds, districtIds, costCents, plannedStart }),
      id,
      number,
      title,
    }));
  });
  return cached.value;
}

export async function programmesForMeasure(db: Db, municipalityId: string, measureId: string, locale: Locale = 'de'): Promise<ProgrammeMatch[]> {
  const [measure, programmes, { toMatch, ctx }] = await Promise.all([
    getMeasure(db, { municipalityId }, measureId),
    cachedCatalogue(db, municipalityId),
    matcherInputs(db, municipalityId, locale),
  ]);
  return rankProgrammes(toMatch(measure), programmes, ctx);
}

export async function measuresForProgramme(db: Db, municipalityId: string, programmeId: string, locale: Locale = 'de'): Promise<MeasureMatch[]> {
  const [programme, inputs] = await Promise.all([getProgramme(db, municipalityId, programmeId), matcherInputs(db, municipalityId, locale)]);
  return rankMeasures(programme, await matchableMeasures(db, municipalityId, inputs), inputs.ctx);
}
