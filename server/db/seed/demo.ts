import type { Db } from '../client';
import type { Actor } from '../../plugins/actor';
import { KINDS, createItem } from '../../modules/concept/concept.service';
import { insertMeasure } from '../../modules/measures/measures.service';
import { MeasureCreate } from '../../../contract/measures';
import { demoData } from './demo-data';
import { loadDemoStory } from './demo-story';
import { loadDemoIndicators } from './demo-indicators';

/**
 * Fills a new municipality with Musterstadt: vision, the charter's dimensions, fields of action,
 * goals, districts, departments and 43 briefs, through the same services the API uses (so the
 * audit trail and the search index are filled too). Runs inside the setup transaction.
 */
export async function loadDemoData(t: Db, who: { municipalityId: string; userId: string; userName: string }) {
  const actor: Actor = { ...who, role: 'admin', departmentId: null, sessionHash: '' };
  const d = demoData;
  await t.query('UPDATE municipality SET vision = $2, horizon_start = $3, horizon_end = $4 WHERE id = $1', [who.municipalityId, d.vision, d.horizonStart, d.horizonEnd]);
  // The demo's guests are invented and its workshop dates from 2023: with the default retention (90 days)
  // the first daily run would pseudonymise the story's 21 voters. The admin can turn it on in /admin/privacy.
  await t.query(
    `INSERT INTO privacy_settings (municipality_id, guest_retention_days) VALUES ($1, 0)
     ON CONFLICT (municipality_id) DO UPDATE SET guest_retention_days = 0`,
    [who.municipalityId],
  );
  const ids = async <T extends Record<string, unknown>>(kind: keyof typeof KINDS, items: T[], name: (i: T) => string, extra?: (i: T) => Record<string, unknown>) => {
    const map = new Map<string, string>();
    for (const [position, item] of items.entries()) {
      const created = await createItem(t, actor, KINDS[kind], { ...item, position, ...(extra?.(item) ?? {}) });
      map.set(name(item), created.id);
    }
    return map;
  };
  const resolve = (map: Map<string, string>, names: string[]) =>
    names.map((n) => {
      const id = map.get(n);
      if (!id) throw new Error(`demo data: unknown reference ${n}`);
      return id;
    });
  const dimensions = await ids('dimensions', d.dimensions, (i) => i.name);
  const actionFields = await ids('action-fields', d.actionFields, (i) => i.name);
  const goals = await ids('goals', d.goals, (i) => i.title, (g) => ({ actionFieldIds: resolve(actionFields, g.actionFields), dimensionIds: resolve(dimensions, g.dimensions), actionFields: undefined, dimensions: undefined }));
  const districts = await ids('districts', d.districts, (i) => i.name);
  const departments = await ids('departments', d.departments, (i) => i.name);
  await loadDemoIndicators(t, actor, goals, departments);
  const briefs: { id: string; brief: (typeof d.briefs)[number] }[] = [];
  for (const b of d.briefs) {
    const input = MeasureCreate.parse({
      title: b.title, need: b.need, goal: b.goal, description: b.description,
      districtIds: resolve(districts, b.districts),
      leadDepartmentId: resolve(departments, [b.leadDepartment])[0],
      partnerDepartmentIds: resolve(departments, b.partnerDepartments),
      externalActors: b.externalActors, targetGroups: b.targetGroups,
      costCents: b.costEur == null ? null : Math.round(b.costEur * 100),
      horizon: b.horizon, plannedStart: b.plannedStart, plannedEnd: b.plannedEnd, status: b.status,
      goalIds: resolve(goals, b.goals), actionFieldIds: resolve(actionFields, b.actionFields), dimensionIds: resolve(dimensions, b.dimensions),
      origin: b.origin, tags: b.tags,
    });
    // with the class of an earlier decision of the (fictional) town; insertMeasure checks it fits the status
    briefs.push({ id: await insertMeasure(t, actor, { ...input, priority: b.priority ?? null }), brief: b });
  }
  await loadDemoStory(t, actor, briefs, districts);
}
