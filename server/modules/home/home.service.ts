import type { Db } from '../../db/client';
import { EDITORS, type Actor } from '../../plugins/actor';
import type { BlockedItem, DepartmentHome, HomeMeasure, OverdueItem, ProcessHome, RecentChange } from '../../../contract/home';
import { forbidden, notFound } from '../../errors';
import { nextStep } from '../../../domain/next-step';
import { addDays, berlinToday, daysBetween, deadlineSourceName, listDeadlines } from '../funding/deadlines.service';
import { listRounds } from '../priorities/rounds.service';

/** How many recent changes and deadlines a home shows: enough for a week's work, short enough to read. */
const RECENT_LIMIT = 10;
const DEADLINE_LIMIT = 12;
/** A department leads or partners in a few dozen measures; beyond this the list links to the filtered measure list. */
const MEASURE_LIMIT = 300;

/**
 * Which department's home the actor may open: a department member their own (403 for another), a
 * coordinator or admin any of the municipality (unnamed: their own department if they have one, else the
 * first by name). Readers: 403.
 */
function departmentFor(actor: Actor, requested: string | undefined): string | null {
  if (EDITORS.includes(actor.role)) return requested ?? actor.departmentId ?? null;
  if (actor.role !== 'department') throw forbidden();
  if (!actor.departmentId) throw notFound('department');
  if (requested && requested !== actor.departmentId) throw forbidden();
  return actor.departmentId;
}

/**
 * "Mein Amt": the department's measures (lead and partner), what is overdue or waits for another measure,
 * the ratings the signed-in user owes, the coming application deadlines and what others changed lately.
 */
export async function departmentHome(db: Db, actor: Actor, requested: string | undefined, opts: { today?: string } = {}): Promise<DepartmentHome> {
  const today = opts.today ?? berlinToday();
  const wanted = departmentFor(actor, requested);
  const m = actor.municipalityId;
  const departments = await db.query<{ id: string; name: string; short_name: string }>(
    'SELECT id, name, short_name FROM department WHERE municipality_id = $1 ORDER BY name',
    [m],
  );
  const dept = wanted ? departments.find((d) => d.id === wanted) : departments[0];
  if (!dept) throw notFound('department');

  const measureRows = await db.query<{
    id: string; number: number; title: string; status: HomeMeasure['status']; priority: HomeMeasure['priority'];
    lead: boolean; planned_start: string | null; planned_end: string | null;
  }>(
    `SELECT id, number, title, status, priority, lead_department_id = $2 AS lead, planned_start::text, planned_end::text
       FROM measure
      WHERE municipality_id = $1 AND (lead_department_id = $2 OR $2 = ANY(partner_department_ids))
      ORDER BY (lead_department_id = $2) DESC, number
      LIMIT ${MEASURE_LIMIT}`,
    [m, dept.id],
  );
  const measures: HomeMeasure[] = measureRows.map((r) => ({
    id: r.id, number: r.number, title: r.title, status: r.status, priority: r.priority,
    role: r.lead ? 'lead' : 'partner', plannedStart: r.planned_start, plannedEnd: r.planned_end,
  }));
  const ids = measures.map((x) => x.id);
  const ref = (x: { id: string; number: number; title: string }) => ({ id: x.id, number: x.number, title: x.title });
  const byId = new Map(measures.map((x) => [x.id, x]));

  // On hold means put off on purpose: its dates are not a promise that was missed.
  const active = (s: string) => s !== 'done' && s !== 'on_hold';
  const overdue: OverdueItem[] = measures
    .filter((x) => x.plannedEnd && x.plannedEnd < today && active(x.status))
    .map((x) => ({ kind: 'measure_end', measure: ref(x), milestone: null, dueOn: x.plannedEnd!, daysOverdue: daysBetween(x.plannedEnd!, today) }));
  const milestones = await db.query<{ measure_id: string; title: string; due_on: string }>(
    `SELECT measure_id, title, due_on::text FROM milestone
      WHERE municipality_id = $1 AND measure_id = ANY($2::uuid[]) AND NOT done AND due_on < $3::date
      ORDER BY due_on, title`,
    [m, ids, today],
  );
  for (const ms of milestones) {
    const x = byId.get(ms.measure_id)!;
    if (active(x.status)) overdue.push({ kind: 'milestone', measure: ref(x), milestone: ms.title, dueOn: ms.due_on, daysOverdue: daysBetween(ms.due_on, today) });
  }
  overdue.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.measure.number - b.measure.number);

  const waits = await db.query<{ measure_id: string; id: string; number: number; title: string; status: HomeMeasure['status'] }>(
    `SELECT d.measure_id, p.id, p.number, p.title, p.status
       FROM measure_dependency d
       JOIN measure p ON p.municipality_id = d.municipality_id AND p.id = d.depends_on_id
      WHERE d.municipality_id = $1 AND d.measure_id = ANY($2::uuid[]) AND p.status <> 'done'
      ORDER BY p.number`,
    [m, ids],
  );
  const blocked: BlockedItem[] = waits
    .filter((w) => byId.get(w.measure_id)!.status !== 'done')
    .map((w) => {
      const x = byId.get(w.measure_id)!;
      return { measure: ref(x), waitsFor: { ...ref(w), status: w.status }, startPassed: !!x.plannedStart && x.plannedStart <= today };
    })
    .sort((a, b) => a.measure.number - b.measure.number);

  // Ratings are personal: whoever opens the home owes them, whichever department they look at.
  const ratingsOwed = (await listRounds(db, actor))
    .filter((r) => r.status === 'open' && r.myProgress && r.myProgress.done < r.myProgress.total)
    .map((r) => ({ roundId: r.id, name: r.name, done: r.myProgress!.done, total: r.myProgress!.total }));

  const mine = new Set(ids);
  const deadlines = (await listDeadlines(db, m, { today, from: addDays(today, -30), to: addDays(today, 180) }))
    .filter((d) => mine.has(d.measure.id))
    .slice(0, DEADLINE_LIMIT)
    .map((d) => ({ key: d.key, date: d.date, daysLeft: d.daysLeft, measure: ref(d.measure), source: deadlineSourceName(d), sourceStatus: d.sourceStatus }));

  const changes = await db.query<{ id: number; at: Date; actor_name: string | null; action: RecentChange['action']; entity_id: string; fields: string[] | null }>(
    `SELECT a.id, a.at, a.actor_name, a.action, a.entity_id,
            ARRAY(SELECT jsonb_object_keys(a.changes)) AS fields
       FROM audit_event a
      WHERE a.municipality_id = $1 AND a.entity_type = 'measure' AND a.entity_id = ANY($2::text[])
        AND a.actor_id IS DISTINCT FROM $3
      ORDER BY a.id DESC
      LIMIT ${RECENT_LIMIT}`,
    [m, ids, actor.userId],
  );
  const recentChanges: RecentChange[] = changes.map((c) => ({
    id: Number(c.id), at: new Date(c.at).toISOString(), actorName: c.actor_name, action: c.action,
    measure: ref(byId.get(c.entity_id)!), fields: c.fields ?? [],
  }));

  return {
    department: { id: dept.id, name: dept.name, shortName: dept.short_name },
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
    today,
    measures,
    overdue,
    blocked,
    ratingsOwed,
    deadlines,
    recentChanges,
  };
}

/** The coordinator's home: the counts behind each step of the process and the one next action (domain/next-step.ts). */
export async function processHome(db: Db, municipalityId: string, opts: { today?: string } = {}): Promise<ProcessHome> {
  const today = opts.today ?? berlinToday();
  // One read-only report across the modules' tables: a dozen counts in one round trip.
  const [c] = await db.query<Record<string, number | string | null>>(
    `WITH decided AS (
       -- measures with a priority class; on hold means put off, so they wait for nothing
       SELECT id, number, lead_department_id, status FROM measure
        WHERE municipality_id = $1 AND priority IS NOT NULL AND status <> 'on_hold'
     )
     SELECT
       (SELECT count(*)::int FROM dimension WHERE municipality_id = $1) AS dimensions,
       (SELECT count(*)::int FROM action_field WHERE municipality_id = $1) AS "actionFields",
       (SELECT count(*)::int FROM goal WHERE municipality_id = $1) AS goals,
       (SELECT count(*)::int FROM district WHERE municipality_id = $1) AS districts,
       (SELECT count(*)::int FROM department WHERE municipality_id = $1) AS departments,
       (SELECT count(*)::int FROM workshop WHERE municipality_id = $1) AS workshops,
       (SELECT count(*)::int FROM workshop WHERE municipality_id = $1 AND status = 'done') AS "workshopsHeld",
       (SELECT count(*)::int FROM measure WHERE municipality_id = $1) AS measures,
       (SELECT count(*)::int FROM measure WHERE municipality_id = $1 AND origin_workshop_id IS NOT NULL) AS "measuresFromWorkshops",
       (SELECT count(*)::int FROM vote_round WHERE municipality_id = $1 AND subject = 'measures' AND status = 'closed') AS "dotRoundsClosed",
       (SELECT count(*)::int FROM scoring_round WHERE municipality_id = $1) AS "scoringRounds",
       (SELECT count(*)::int FROM scoring_round WHERE municipality_id = $1 AND status <> 'open') AS "scoringRoundsRevealed",
       (SELECT count(*)::int FROM priority_decision WHERE municipality_id = $1) AS decisions,
       (SELECT count(*)::int FROM decided) AS "decidedMeasures",
       (SELECT count(*)::int FROM decided WHERE lead_department_id IS NOT NULL) AS "decidedWithLead",
       (SELECT count(*)::int FROM decided d WHERE d.status = 'done' OR EXISTS (SELECT 1 FROM funding_source s WHERE s.municipality_id = $1 AND s.measure_id = d.id)) AS "decidedWithFunding",
       (SELECT count(*)::int FROM decided WHERE status IN ('implementation', 'done')) AS "decidedInImplementation",
       (SELECT count(*)::int FROM measure WHERE municipality_id = $1 AND status = 'implementation') AS "inImplementation",
       (SELECT count(*)::int FROM measure WHERE municipality_id = $1 AND status = 'done') AS done,
       (SELECT count(*)::int FROM measure WHERE municipality_id = $1 AND planned_end < $2::date AND status NOT IN ('done', 'on_hold')) AS overdue,
       (SELECT id::text FROM workshop WHERE municipality_id = $1 ORDER BY (status = 'done'), created_at DESC LIMIT 1) AS "workshopId",
       (SELECT id::text FROM vote_round WHERE municipality_id = $1 AND subject = 'measures' AND status = 'closed' ORDER BY closed_at DESC NULLS LAST LIMIT 1) AS "dotRoundId",
       (SELECT id::text FROM scoring_round WHERE municipality_id = $1 AND status = 'open' ORDER BY created_at DESC LIMIT 1) AS "openScoringRoundId",
       (SELECT id::text FROM scoring_round WHERE municipality_id = $1 AND status <> 'open' ORDER BY created_at DESC LIMIT 1) AS "revealedScoringRoundId",
       (SELECT d.id::text FROM decided d WHERE d.status <> 'done' AND NOT EXISTS (SELECT 1 FROM funding_source s WHERE s.municipality_id = $1 AND s.measure_id = d.id) ORDER BY d.number LIMIT 1) AS "unfundedMeasureId"`,
    [municipalityId, today],
  );
  const n = (k: string) => Number(c[k] ?? 0);
  const s = (k: string) => (c[k] as string | null) ?? null;
  const counts = {
    dimensions: n('dimensions'), actionFields: n('actionFields'), goals: n('goals'), districts: n('districts'), departments: n('departments'),
    workshops: n('workshops'), workshopsHeld: n('workshopsHeld'), measures: n('measures'), measuresFromWorkshops: n('measuresFromWorkshops'),
    dotRoundsClosed: n('dotRoundsClosed'), scoringRounds: n('scoringRounds'), scoringRoundsRevealed: n('scoringRoundsRevealed'),
    decisions: n('decisions'), decidedMeasures: n('decidedMeasures'), decidedWithLead: n('decidedWithLead'),
    decidedWithFunding: n('decidedWithFunding'), decidedInImplementation: n('decidedInImplementation'),
    inImplementation: n('inImplementation'), done: n('done'), overdue: n('overdue'),
  };
  const state = nextStep(counts, {
    workshopId: s('workshopId'), dotRoundId: s('dotRoundId'), openScoringRoundId: s('openScoringRoundId'),
    revealedScoringRoundId: s('revealedScoringRoundId'), unfundedMeasureId: s('unfundedMeasureId'),
  });
  return { counts, ...state };
}
