import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { DashboardGroup, DashboardMeasure, DashboardQuery, MonitoringDashboard } from '../../../contract/monitoring-dashboard';
import { DEFAULT_CYCLE_DAYS, measureFlags, REPORT_STATES, rollUp, type ReportFacts, type ReportState } from '../../../domain/monitoring';
import { INDICATOR_STATES, type IndicatorState } from '../../../domain/indicators';
import { measureWhere } from '../measures/measures.filter';
import { listIndicators } from '../indicators/indicators.service';

interface Row {
  id: string; number: number; title: string; costCents: string | number | null; plannedEnd: string | null; leadDepartmentId: string | null;
  goalIds: string[]; actionFieldIds: string[]; dimensionIds: string[]; districtIds: string[];
}
type Measure = DashboardMeasure & { row: Row };

/**
 * Progress rolled up per group (issue 15, part 2). Each measure counts in every group it belongs to
 * (a measure serving two goals counts for both); measures without any group of a kind form the group
 * "without assignment" (key null). Progress, state counts and indicator states stay separate numbers.
 */
export async function dashboard(db: Db, actor: Actor, q: DashboardQuery, today = new Date().toISOString().slice(0, 10)): Promise<MonitoringDashboard> {
  const { where, params } = measureWhere(actor.municipalityId, q);
  const rows = await db.query<Row>(
    `SELECT m.id, m.number, m.title, m.cost_cents AS "costCents", to_char(m.planned_end, 'YYYY-MM-DD') AS "plannedEnd",
            m.lead_department_id AS "leadDepartmentId", m.goal_ids AS "goalIds", m.action_field_ids AS "actionFieldIds",
            m.dimension_ids AS "dimensionIds", m.district_ids AS "districtIds"
     FROM measure m WHERE ${where} ORDER BY m.number`,
    params,
  );
  const reports = rows.length
    ? await db.query<{ measureId: string; state: ReportState; progress: number; spentCents: string | number; blockers: string; boardDecisionNeeded: boolean; createdAt: Date | string }>(
      `SELECT measure_id AS "measureId", state, progress, spent_cents AS "spentCents", blockers, board_decision_needed AS "boardDecisionNeeded", created_at AS "createdAt"
       FROM status_report WHERE municipality_id = $1 AND measure_id = ANY($2::uuid[]) ORDER BY created_at DESC, id`,
      [actor.municipalityId, rows.map((r) => r.id)],
    )
    : [];
  const byMeasure = new Map<string, ReportFacts[]>();
  for (const r of reports) {
    const list = byMeasure.get(r.measureId) ?? [];
    list.push({ state: r.state, progress: r.progress, spentCents: Number(r.spentCents), blockers: r.blockers, boardDecisionNeeded: r.boardDecisionNeeded, createdAt: new Date(r.createdAt).toISOString() });
    byMeasure.set(r.measureId, list);
  }
  const measures: Measure[] = rows.map((row) => {
    const costCents = row.costCents == null ? null : Number(row.costCents);
    const facts = byMeasure.get(row.id) ?? [];
    const flags = measureFlags({ costCents, plannedEnd: row.plannedEnd, reports: facts }, { today, cycleDays: DEFAULT_CYCLE_DAYS });
    return { id: row.id, number: row.number, title: row.title, costCents, state: facts[0]?.state ?? null, progress: facts[0]?.progress ?? null, flags, row };
  });

  const group = (key: string | null, label: string | null, members: Measure[], indicators: DashboardGroup['indicators'] = null): DashboardGroup => {
    const r = rollUp(members.map((m) => ({ id: m.id, costCents: m.costCents, state: m.state, progress: m.progress })), q.weighting);
    const states = Object.fromEntries([...REPORT_STATES, 'none'].map((s) => [s, 0])) as DashboardGroup['states'];
    for (const m of members) states[m.state ?? 'none']++;
    return {
      key, label, measureCount: members.length, progress: r.progress, exact: r.exact, weighting: r.weighting, rule: r.rule,
      weights: r.weights.map((w) => ({ measureId: w.id, weight: w.weight, sharePercent: w.sharePercent, progress: w.progress })),
      cancelled: r.cancelled, unreported: r.unreported, withoutCost: r.withoutCost, states,
      flagged: members.filter((m) => m.flags.length > 0).length, indicators,
    };
  };
  const groupBy = async (table: string, nameCol: string, idsOf: (r: Row) => string[], extra?: (id: string) => Promise<DashboardGroup['indicators']>) => {
    const named = await db.query<{ id: string; name: string }>(
      `SELECT id, ${nameCol} AS name FROM ${table} WHERE municipality_id = $1 ORDER BY ${table === 'goal' || table === 'dimension' || table === 'action_field' ? 'position, ' : ''}lower(${nameCol}), id`,
      [actor.municipalityId],
    );
    const out: DashboardGroup[] = [];
    for (const n of named) {
      const members = measures.filter((m) => idsOf(m.row).includes(n.id));
      if (members.length) out.push(group(n.id, n.name, members, extra ? await extra(n.id) : null));
    }
    const known = new Set(named.map((n) => n.id));
    const none = measures.filter((m) => !idsOf(m.row).some((id) => known.has(id)));
    if (none.length) out.push(group(null, null, none));
    return out;
  };
  // indicator states per goal, counted as they are (never folded into the measures' progress)
  const indicatorCounts = async (goalId: string) => {
    const counts = Object.fromEntries(INDICATOR_STATES.map((s) => [s, 0])) as Record<IndicatorState, number>;
    for (const i of (await listIndicators(db, actor, goalId)).items) counts[i.evaluation.state]++;
    return counts;
  };
  const strip = ({ row: _row, ...m }: Measure): DashboardMeasure => m;
  return {
    weighting: q.weighting,
    today,
    cycleDays: DEFAULT_CYCLE_DAYS,
    overall: group(null, null, measures),
    groupings: {
      goal: await groupBy('goal', 'title', (r) => r.goalIds, indicatorCounts),
      actionField: await groupBy('action_field', 'name', (r) => r.actionFieldIds),
      dimension: await groupBy('dimension', 'name', (r) => r.dimensionIds),
      district: await groupBy('district', 'name', (r) => r.districtIds),
      department: await groupBy('department', 'name', (r) => (r.leadDepartmentId ? [r.leadDepartmentId] : [])),
    },
    measures: measures.map(strip),
  };
}
