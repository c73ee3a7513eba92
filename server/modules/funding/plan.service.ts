import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { FundingPlan, FundingSource, Kofi } from '../../../contract/funding';
import { AppError, forbidden, versionConflict, type MessageKey } from '../../errors';
import { errorMessage, localized } from '../../i18n/errors';
import { byYearAndLevel, LEVELS, planProblems, planTotals, sumKofi, type PlanSource } from '../../../domain/financing';
import { recordAudit } from '../audit/audit.service';
import { lockRow } from '../concept/concept.service';
import { canEdit, getMeasure } from '../measures/measures.service';
import { measureWhere } from '../measures/measures.filter';
import type { MeasureQuery } from '../../../contract/measures';
import type { Locale } from '../../../domain/format';

type SourceRow = FundingSource & {
  programmeLevel: PlanSource['programmeLevel']; programmeName: string | null; programmeMaxCents: number | null; programmeTypicalMaxCents: number | null; measureId: string;
};

const SELECT = `SELECT s.id, s.measure_id AS "measureId", s.kind, s.programme_id AS "programmeId", s.label, s.status,
    s.application_deadline AS "applicationDeadline", s.amounts, s.note, p.level AS "programmeLevel", p.name AS "programmeName",
    p.max_amount_cents AS "programmeMaxCents", p.typical_max_cents AS "programmeTypicalMaxCents"
  FROM funding_source s LEFT JOIN funding_programme p ON p.id = s.programme_id AND p.municipality_id = s.municipality_id`;

const today = () => new Date().toISOString().slice(0, 10);

async function sourcesOf(db: Db, municipalityId: string, measureIds: string[]): Promise<SourceRow[]> {
  if (!measureIds.length) return [];
  return db.query<SourceRow>(`${SELECT} WHERE s.municipality_id = $1 AND s.measure_id = ANY($2::uuid[]) ORDER BY s.position`, [municipalityId, measureIds]);
}

function toPlan(measure: { id: string; costCents: number | null; plannedStart: string | null }, rows: SourceRow[], version: number, locale: Locale): FundingPlan {
  const plan = rows.map((r) => ({ ...r, amounts: r.amounts ?? {} }));
  return {
    measureId: measure.id,
    costCents: measure.costCents,
    sources: plan.map(({ programmeLevel: _l, programmeName: _n, programmeMaxCents: _x, programmeTypicalMaxCents: _t, measureId: _m, ...s }) => s),
    problems: planProblems(measure.costCents, plan, { plannedStart: measure.plannedStart, today: today(), locale }),
    totals: planTotals(measure.costCents, plan),
    version,
  };
}

export async function getPlan(db: Db, municipalityId: string, measureId: string, locale: Locale = 'de'): Promise<FundingPlan> {
  const m = await getMeasure(db, { municipalityId }, measureId);
  const [{ funding_version }] = await db.query<{ funding_version: number }>('SELECT funding_version FROM measure WHERE id = $1', [measureId]);
  return toPlan(m, await sourcesOf(db, municipalityId, [measureId]), funding_version, locale);
}

/**
 * Saves the whole plan (all sources) of one measure. Invalid plans are refused with the problems in
 * plain words: sources over the cost, a programme source without a programme, an unknown programme.
 * Softer findings (a deadline after the planned start) are kept as problems on the saved plan.
 */
export async function savePlan(db: Db, actor: Actor, measureId: string, input: { version: number; sources: Omit<FundingSource, 'id'>[] }, locale: Locale = 'de'): Promise<FundingPlan> {
  await db.tx(async (t) => {
    await lockRow(t, 'measure', actor.municipalityId, measureId);
    const m = await getMeasure(t, actor, measureId);
    if (!canEdit(actor, m.leadDepartmentId)) throw forbidden('forbidden.own_department_funding');
    const before = await getPlan(t, actor.municipalityId, measureId);
    if (before.version !== input.version) throw versionConflict(before);
    const programmeIds = [...new Set(input.sources.map((s) => s.programmeId).filter((p): p is string => !!p))];
    const programmes = programmeIds.length
      ? await t.query<{ id: string; level: PlanSource['programmeLevel']; name: string }>('SELECT id, level, name FROM funding_programme WHERE municipality_id = $1 AND id = ANY($2::uuid[])', [actor.municipalityId, programmeIds])
      : [];
    const errors: { path: (string | number)[]; message: string; key: MessageKey }[] = [];
    input.sources.forEach((s, i) => {
      if (s.kind === 'programme' && !s.programmeId) errors.push({ path: ['sources', i, 'programmeId'], message: 'Bitte ein Förderprogramm wählen.', key: 'funding.programme_required' });
      if (s.programmeId && !programmes.some((p) => p.id === s.programmeId)) errors.push({ path: ['sources', i, 'programmeId'], message: 'Unbekanntes Förderprogramm.', key: 'funding.programme_unknown' });
      if (s.kind !== 'programme' && s.programmeId) errors.push({ path: ['sources', i, 'programmeId'], message: 'Nur eine Fördermittel-Quelle hat ein Programm.', key: 'funding.programme_not_allowed' });
    });
    if (errors.length) throw new AppError(400, 'validation_failed', { key: 'validation_failed.funding_sources', params: { problems: localized((l) => errors.map((e) => errorMessage(e.key, l)).join(' ')) } }, errors);
    const plan: PlanSource[] = input.sources.map((s) => {
      const p = programmes.find((x) => x.id === s.programmeId);
      return { ...s, programmeLevel: p?.level ?? null, programmeName: p?.name ?? null };
    });
    const over = planProblems(m.costCents, plan, { plannedStart: m.plannedStart, today: today() }).find((p) => p.code === 'over_funded');
    if (over) throw new AppError(400, 'plan_exceeds_cost', { key: 'plan_exceeds_cost', params: { problem: localized((l) => planProblems(m.costCents, plan, { plannedStart: m.plannedStart, today: today(), locale: l }).find((p) => p.code === 'over_funded')?.message ?? over.message) } }, { totals: planTotals(m.costCents, plan) });
    await t.query('DELETE FROM funding_source WHERE municipality_id = $1 AND measure_id = $2', [actor.municipalityId, measureId]);
    for (const [position, s] of input.sources.entries()) {
      await t.query(
        `INSERT INTO funding_source (municipality_id, measure_id, position, kind, programme_id, label, status, application_deadline, amounts, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [actor.municipalityId, measureId, position, s.kind, s.programmeId, s.label, s.status, s.applicationDeadline, JSON.stringify(s.amounts), s.note],
      );
    }
    await t.query('UPDATE measure SET funding_version = funding_version + 1 WHERE municipality_id = $1 AND id = $2', [actor.municipalityId, measureId]);
    const after = await getPlan(t, actor.municipalityId, measureId);
    await recordAudit(t, actor, { entityType: 'measure', entityId: measureId, action: 'update', before: { fundingPlan: before.sources }, after: { fundingPlan: after.sources } });
  });
  return getPlan(db, actor.municipalityId, measureId, locale);
}

/** The KoFi's filter: the measure filters without paging (priority class included). */
type KofiQuery = Partial<MeasureQuery>;

/**
 * The cost and financing overview (KoFi) of the filtered measures, by year and level (EU, Bund, Land,
 * Kommune, Dritte). One query on the list filter returns the measures and their sources as two JSON
 * texts: handing 10,000 measures and 12,000 sources out of PGlite row by row took most of the time
 * (≈ 190 of 270 ms; as JSON ≈ 55 ms), and letting the database sum per year and level was slower still
 * (its sorts). The sums follow domain/financing, so the rules stay in one place (docs/benchmarks.md).
 */
export async function kofi(db: Db, municipalityId: string, q: KofiQuery): Promise<Kofi> {
  const f = measureWhere(municipalityId, q);
  const [row] = await db.query<{ measures: string | null; sources: string | null }>(
    `SELECT (SELECT json_agg(json_build_array(m.id, m.number, m.title, m.cost_cents) ORDER BY m.number) FROM measure m WHERE ${f.where})::text AS measures,
            (SELECT json_agg(json_build_array(s.measure_id, s.kind, s.status, p.level, s.amounts))
               FROM measure m
               JOIN funding_source s ON s.municipality_id = m.municipality_id AND s.measure_id = m.id
               LEFT JOIN funding_programme p ON p.municipality_id = s.municipality_id AND p.id = s.programme_id
              WHERE ${f.where})::text AS sources`,
    f.params,
  );
  type MeasureRow = [id: string, number: number, title: string, costCents: number | string | null];
  type KofiSource = [measureId: string, kind: PlanSource['kind'], status: PlanSource['status'], programmeLevel: PlanSource['programmeLevel'], amounts: PlanSource['amounts'] | null];
  const byMeasure = new Map<string, PlanSource[]>();
  for (const [measureId, kind, status, programmeLevel, amounts] of JSON.parse(row.sources ?? '[]') as KofiSource[]) {
    const plan: PlanSource = { kind, status, programmeLevel, amounts: amounts ?? {}, programmeName: null, applicationDeadline: null };
    const list = byMeasure.get(measureId);
    if (list) list.push(plan);
    else byMeasure.set(measureId, [plan]);
  }
  const rows = (JSON.parse(row.measures ?? '[]') as MeasureRow[]).map(([measureId, number, title, cost]) => {
    const all = byMeasure.get(measureId) ?? [];
    const costCents = cost == null ? null : Number(cost);
    return { measureId, number, title, costCents, byYear: byYearAndLevel(all), totals: planTotals(costCents, all) };
  });
  const sums = sumKofi(rows);
  return { years: sums.years, levels: [...LEVELS], rows, sums: sums.sums, totals: sums.totals };
}
