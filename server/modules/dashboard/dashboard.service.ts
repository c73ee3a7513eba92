import type { Db } from '../../db/client';
import type { Bucket, Dashboard, MeasureQuery } from '../../../contract/measures';
import { MEASURE_STATUSES, HORIZONS } from '../../../contract/measures';
import { HORIZON_LABELS, STATUS_LABELS } from '../../../domain/labels';
import { measureWhere } from '../measures/measures.filter';

type Agg = { key: string | null; count: number; cost: number | null };

/** Counts and summed cost estimates of the filtered measures, by status, dimension, district, department, horizon. */
export async function dashboard(db: Db, municipalityId: string, q: Partial<MeasureQuery>): Promise<Dashboard> {
  const f = measureWhere(municipalityId, q);
  const run = (keyExpr: string, from = '') =>
    db.query<Agg>(
      `SELECT ${keyExpr} AS key, count(*) AS count, sum(m.cost_cents) AS cost FROM measure m ${from} WHERE ${f.where} GROUP BY 1`,
      f.params,
    );
  const [totals, byStatus, byDimension, byDistrict, byDepartment, byHorizon, names] = await Promise.all([
    db.query<{ count: number; cost: number | null }>(`SELECT count(*) AS count, sum(m.cost_cents) AS cost FROM measure m WHERE ${f.where}`, f.params),
    run('m.status'),
    run('d.id::text', 'LEFT JOIN LATERAL unnest(m.dimension_ids) AS d(id) ON true'),
    run('d.id::text', 'LEFT JOIN LATERAL unnest(m.district_ids) AS d(id) ON true'),
    run('m.lead_department_id::text'),
    run('m.horizon'),
    db.query<{ kind: string; id: string; name: string; position: number }>(
      `SELECT 'dimension' AS kind, id::text, name, position FROM dimension WHERE municipality_id = $1
       UNION ALL SELECT 'district', id::text, name, 0 FROM district WHERE municipality_id = $1
       UNION ALL SELECT 'department', id::text, name, 0 FROM department WHERE municipality_id = $1`,
      [municipalityId],
    ),
  ]);
  const bucket = (aggs: Agg[], keys: { key: string; label: string }[], noneLabel: string): Bucket[] => {
    const byKey = new Map(aggs.map((a) => [a.key, a]));
    const out = keys.map(({ key, label }) => ({ key, label, count: byKey.get(key)?.count ?? 0, costCents: byKey.get(key)?.cost ?? 0 }));
    const none = byKey.get(null);
    if (none) out.push({ key: 'none', label: noneLabel, count: none.count, costCents: none.cost ?? 0 });
    return out;
  };
  const of = (kind: string) =>
    names.filter((n) => n.kind === kind).sort((a, b) => a.position - b.position || a.name.localeCompare(b.name, 'de')).map((n) => ({ key: n.id, label: n.name }));
  return {
    total: totals[0]?.count ?? 0,
    totalCostCents: totals[0]?.cost ?? 0,
    byStatus: bucket(byStatus, MEASURE_STATUSES.map((s) => ({ key: s, label: STATUS_LABELS[s].de })), 'ohne Status'),
    byDimension: bucket(byDimension, of('dimension'), 'ohne Dimension'),
    byDistrict: bucket(byDistrict, of('district'), 'ohne Stadtteil'),
    byDepartment: bucket(byDepartment, of('department'), 'ohne Federführung'),
    byHorizon: bucket(byHorizon, HORIZONS.map((h) => ({ key: h, label: HORIZON_LABELS[h].de })), 'ohne Zeithorizont'),
  };
}
