import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { CellResult, DepartmentLoad, HorizonKey, LoadCounts, Matrix, MatrixQuery, MatrixRow, ResponsibilityRole } from '../../../contract/responsibility';
import { HORIZON_KEYS } from '../../../contract/responsibility';
import { AppError, forbidden, notFound, versionConflict } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { lockRow } from '../concept/concept.service';
import { canEdit } from '../measures/measures.service';
import { measureWhere } from '../measures/measures.filter';
import { notifyMeasureRoles } from '../notifications/measure-events';

const ROW = `m.id, m.number, m.title, m.status, m.priority, m.horizon, m.cost_cents AS "costCents",
  m.lead_department_id AS "leadDepartmentId", m.partner_department_ids AS "partnerDepartmentIds",
  m.informed_department_ids AS "informedDepartmentIds", m.version`;

type RowDb = Omit<MatrixRow, 'costCents'> & { costCents: number | string | null };
const toRow = (r: RowDb): MatrixRow => ({ ...r, costCents: r.costCents == null ? null : Number(r.costCents) });

/** One role per department and measure: lead wins over partner, partner over informed (the edit form may overlap them). */
export function roleOf(row: Pick<MatrixRow, 'leadDepartmentId' | 'partnerDepartmentIds' | 'informedDepartmentIds'>, departmentId: string): ResponsibilityRole {
  if (row.leadDepartmentId === departmentId) return 'lead';
  if (row.partnerDepartmentIds.includes(departmentId)) return 'partner';
  if (row.informedDepartmentIds.includes(departmentId)) return 'informed';
  return 'none';
}

function filterWhere(municipalityId: string, q: Partial<MatrixQuery>) {
  const f = measureWhere(municipalityId, q);
  const where = q.noLead ? `${f.where} AND m.lead_department_id IS NULL` : f.where;
  return { ...f, where };
}

export async function listDepartments(db: Db, municipalityId: string) {
  const rows = await db.query<{ id: string; name: string; shortName: string }>(
    `SELECT id, name, short_name AS "shortName" FROM department WHERE municipality_id = $1`,
    [municipalityId],
  );
  const german = new Intl.Collator('de');
  return rows.sort((a, b) => german.compare(a.name, b.name));
}

/** A page of measures with their responsibilities; columns are all departments, or the filtered ones. */
export async function getMatrix(db: Db, municipalityId: string, q: MatrixQuery): Promise<Matrix> {
  const f = filterWhere(municipalityId, q);
  const c = filterWhere(municipalityId, q);
  const limit = f.p(q.pageSize);
  const offset = f.p((q.page - 1) * q.pageSize);
  const [rows, [{ total, withoutLead }], departments] = await Promise.all([
    db.query<RowDb>(`SELECT ${ROW} FROM measure m WHERE ${f.where} ORDER BY m.number LIMIT ${limit} OFFSET ${offset}`, f.params),
    // counted separately from the page: a window count would scan every row anyway, this one can use the index only
    db.query<{ total: number; withoutLead: number }>(
      `SELECT count(*)::int AS total, (count(*) FILTER (WHERE m.lead_department_id IS NULL))::int AS "withoutLead" FROM measure m WHERE ${c.where}`,
      c.params,
    ),
    listDepartments(db, municipalityId),
  ]);
  const shown = q.department?.length ? departments.filter((d) => q.department!.includes(d.id)) : departments;
  return { departments: shown, items: rows.map(toRow), total: Number(total), page: q.page, pageSize: q.pageSize, withoutLead: Number(withoutLead) };
}

const zero = (): LoadCounts => ({ lead: 0, partner: 0, informed: 0, leadCostCents: 0 });

/** Load per department over all filtered measures: one grouped scan, roles unnested from the arrays. */
export async function getLoad(db: Db, municipalityId: string, q: Partial<MatrixQuery>): Promise<DepartmentLoad[]> {
  const f = filterWhere(municipalityId, { ...q, department: undefined });
  const [rows, departments] = await Promise.all([
    db.query<{ dept: string; role: 'lead' | 'partner' | 'informed'; h: HorizonKey; n: number; cost: string | number | null }>(
      `WITH f AS (SELECT m.lead_department_id, m.partner_department_ids, m.informed_department_ids, m.cost_cents, coalesce(m.horizon, 'none') AS h
                  FROM measure m WHERE ${f.where})
       SELECT dept, role, h, count(*)::int AS n, sum(cost) AS cost FROM (
         SELECT lead_department_id AS dept, 'lead' AS role, h, cost_cents AS cost FROM f WHERE lead_department_id IS NOT NULL
         UNION ALL SELECT unnest(partner_department_ids), 'partner', h, 0 FROM f
         UNION ALL SELECT unnest(informed_department_ids), 'informed', h, 0 FROM f
       ) x GROUP BY dept, role, h`,
      f.params,
    ),
    listDepartments(db, municipalityId),
  ]);
  const byDept = new Map<string, DepartmentLoad>();
  for (const d of departments) {
    byDept.set(d.id, { departmentId: d.id, name: d.name, total: zero(), byHorizon: Object.fromEntries(HORIZON_KEYS.map((h) => [h, zero()])) as Record<HorizonKey, LoadCounts> });
  }
  for (const r of rows) {
    const load = byDept.get(r.dept);
    if (!load) continue; // a stale id in an array (cannot happen for lead; defensive for the arrays)
    for (const c of [load.total, load.byHorizon[r.h]]) {
      c[r.role] += Number(r.n);
      if (r.role === 'lead') c.leadCostCents += Number(r.cost ?? 0);
    }
  }
  const wanted = q.department?.length ? new Set(q.department) : null;
  return [...byDept.values()].filter((d) => !wanted || wanted.has(d.departmentId));
}

async function getRow(db: Db, municipalityId: string, id: string): Promise<MatrixRow> {
  const [row] = await db.query<RowDb>(`SELECT ${ROW} FROM measure m WHERE m.municipality_id = $1 AND m.id = $2`, [municipalityId, id]);
  if (!row) throw notFound('measure');
  return toRow(row);
}

const without = (ids: string[], id: string) => ids.filter((x) => x !== id);

/**
 * Sets one cell of the matrix. Making a department lead moves the previous lead to the partners, so a
 * measure always keeps exactly one lead; the lead itself can only be replaced, never just removed.
 */
export async function setCell(db: Db, actor: Actor, measureId: string, departmentId: string, role: ResponsibilityRole, version: number): Promise<CellResult> {
  return db.tx(async (t) => {
    await lockRow(t, 'measure', actor.municipalityId, measureId);
    const before = await getRow(t, actor.municipalityId, measureId);
    const [dept] = await t.query<{ name: string }>('SELECT name FROM department WHERE municipality_id = $1 AND id = $2', [actor.municipalityId, departmentId]);
    if (!dept) throw notFound('department');
    if (!canEdit(actor, before.leadDepartmentId)) {
      throw forbidden(actor.role === 'department' ? 'forbidden.lead_department_responsibilities' : undefined);
    }
    if (before.version !== version) throw versionConflict(before);
    const current = roleOf(before, departmentId);
    if (current === role) return { row: before, previousLeadId: null };
    if (current === 'lead' && role !== 'lead') {
      throw new AppError(400, 'lead_required');
    }
    if (role === 'lead' && actor.role === 'department' && departmentId !== actor.departmentId) {
      throw forbidden('forbidden.hand_over_lead');
    }
    let lead = before.leadDepartmentId;
    let partners = without(before.partnerDepartmentIds, departmentId);
    let informed = without(before.informedDepartmentIds, departmentId);
    let previousLeadId: string | null = null;
    if (role === 'lead' && lead !== departmentId) {
      if (lead) {
        previousLeadId = lead;
        partners = [...without(partners, lead), lead];
        informed = without(informed, lead);
      }
      lead = departmentId;
    } else if (role === 'partner') partners = [...partners, departmentId];
    else if (role === 'informed') informed = [...informed, departmentId];
    await t.query(
      `UPDATE measure SET version = version + 1, updated_at = now(), lead_department_id = $3, partner_department_ids = $4, informed_department_ids = $5
       WHERE municipality_id = $1 AND id = $2`,
      [actor.municipalityId, measureId, lead, partners, informed],
    );
    const after = await getRow(t, actor.municipalityId, measureId);
    // The measure's own trail: lead and partners under their usual field names, "informiert" as names.
    const names = new Map((await t.query<{ id: string; name: string }>('SELECT id, name FROM department WHERE municipality_id = $1', [actor.municipalityId])).map((d) => [d.id, d.name]));
    const pick = (r: MatrixRow) => ({
      leadDepartmentId: r.leadDepartmentId,
      partnerDepartmentIds: r.partnerDepartmentIds,
      Informiert: r.informedDepartmentIds.map((id) => names.get(id) ?? id).join(', '),
    });
    await recordAudit(t, actor, { entityType: 'measure', entityId: measureId, action: 'update', before: pick(before), after: pick(after) });
    await notifyMeasureRoles(t, actor, before, after);
    return { row: after, previousLeadId };
  });
}
