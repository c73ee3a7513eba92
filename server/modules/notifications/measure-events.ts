import type { Db } from '../../db/client';
import { notify } from './notify';

interface MeasureRoles { id: string; number: number; title: string; leadDepartmentId: string | null; partnerDepartmentIds: string[] }

/**
 * Department-level events of a measure: a department that became lead, or a new partner, hears it
 * (every member of that department, except the person who made the change). Call inside the writing
 * transaction, with the measure before (null when created) and after.
 */
export async function notifyMeasureRoles(t: Db, actor: { municipalityId: string; userId: string }, before: MeasureRoles | null, after: MeasureRoles) {
  const names = async (ids: string[]) =>
    new Map((await t.query<{ id: string; name: string }>('SELECT id, name FROM department WHERE municipality_id = $1 AND id = ANY($2::uuid[])', [actor.municipalityId, ids])).map((d) => [d.id, d.name]));
  const lead = after.leadDepartmentId && after.leadDepartmentId !== before?.leadDepartmentId ? after.leadDepartmentId : null;
  const partners = after.partnerDepartmentIds.filter((d) => d !== after.leadDepartmentId && !(before?.partnerDepartmentIds ?? []).includes(d) && d !== before?.leadDepartmentId);
  if (!lead && !partners.length) return;
  const dept = await names([...(lead ? [lead] : []), ...partners]);
  const common = { municipalityId: actor.municipalityId, exceptUserId: actor.userId, link: `/measures/${after.id}` };
  if (lead) {
    await notify(t, { ...common, kind: 'measure_lead_assigned', departmentIds: [lead], params: { department: dept.get(lead) ?? '', number: after.number, title: after.title } });
  }
  for (const p of partners) {
    await notify(t, { ...common, kind: 'measure_partner_assigned', departmentIds: [p], params: { department: dept.get(p) ?? '', number: after.number, title: after.title } });
  }
}
