import type { Db } from '../../db/client';
import type { ProgrammeMatch } from '../../../contract/funding';
import type { Measure } from '../../../contract/measures';
import { rankMeasures, rankProgrammes, type MatchContext, type MatchMeasure, type MeasureMatch } from '../../../domain/funding-match';
import { getConcept } from '../concept/concept.service';
import { getMeasure, listMeasuresFull } from '../measures/measures.service';
import { getProgramme } from './programmes.service';
import { cachedCatalogue } from './catalogue.cache';

const today = () => new Date().toISOString().slice(0, 10);

/** Names of fields of action and districts (with their funding-area flag) for the matcher. */
export async function matcherInputs(db: Db, municipalityId: string) {
  const concept = await getConcept(db, municipalityId);
  const fields = new Map(concept.actionFields.map((a) => [a.id, a.name]));
  const districts = new Map(concept.districts.map((d) => [d.id, { name: d.name, designatedArea: d.designatedArea }]));
  const toMatch = (m: Measure): MatchMeasure => ({
    costCents: m.costCents,
    plannedStart: m.plannedStart,
    tags: m.tags,
    actionFieldNames: m.actionFieldIds.map((id) => fields.get(id)).filter((n): n is string => !!n),
    title: m.title,
    description: [m.need, m.goal, m.description].join(' '),
    districts: m.districtIds.map((id) => districts.get(id)).filter((d): d is { name: string; designatedArea: boolean } => !!d),
  });
  const ctx: MatchContext = { applicantType: 'municipality', financiallyWeak: concept.municipality.financiallyWeak, today: today() };
  return { toMatch, ctx };
}

export async function programmesForMeasure(db: Db, municipalityId: string, measureId: string): Promise<ProgrammeMatch[]> {
  const [measure, programmes, { toMatch, ctx }] = await Promise.all([
    getMeasure(db, { municipalityId }, measureId),
    cachedCatalogue(db, municipalityId),
    matcherInputs(db, municipalityId),
  ]);
  return rankProgrammes(toMatch(measure), programmes, ctx);
}

export async function measuresForProgramme(db: Db, municipalityId: string, programmeId: string): Promise<MeasureMatch[]> {
  const [programme, measures, { toMatch, ctx }] = await Promise.all([
    getProgramme(db, municipalityId, programmeId),
    listMeasuresFull(db, municipalityId, {}),
    matcherInputs(db, municipalityId),
  ]);
  return rankMeasures(programme, measures.map((m) => ({ ...toMatch(m), id: m.id, number: m.number, title: m.title })), ctx);
}
