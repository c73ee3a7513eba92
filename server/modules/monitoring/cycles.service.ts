/**
 * Reporting cycles (issue 15, part 4). The coordinators open a cycle with a due date; every lead
 * department's members hear of it once (one notification listing the department's measures, linking to
 * "my reports"); reports filed while it is open carry its id (reports.service.ts); a reminder goes to the
 * departments still missing reports N days before the due date (the daily job, cycle-reminders.ts) or
 * when a coordinator reminds again; closing stores the latest report of every measure as an immutable
 * snapshot. A closed cycle refuses changes with 409 `cycle_closed` (and the database refuses them too).
 */
import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { CycleDetail, MyReports, ReportingCycle } from '../../../contract/cycles';
import { AppError, invalid, notFound, versionConflict } from '../../errors';
import { berlinToday } from '../funding/deadlines.service';
import { notify } from '../notifications/notify';

const CYCLE = `c.id, c.title, c.opened_at AS "openedAt", to_char(c.due_on, 'YYYY-MM-DD') AS "dueOn", c.reminder_days_before AS "reminderDaysBefore",
  c.closed_at AS "closedAt", u.name AS "closedByName", c.version`;
type CycleRow = Omit<ReportingCycle, 'openedAt' | 'closedAt'> & { openedAt: Date | string; closedAt: Date | string | null };
const toCycle = (r: CycleRow): ReportingCycle => ({
  ...r,
  openedAt: new Date(r.openedAt).toISOString(),
  closedAt: r.closedAt == null ? null : new Date(r.closedAt).toISOString(),
});

/** "Q1 2027": the quarter the due date falls in. */
export const quarterTitle = (dueOn: string) => `Q${Math.floor((Number(dueOn.slice(5, 7)) - 1) / 3) + 1} ${dueOn.slice(0, 4)}`;
const dateDe = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
/** One hour between two reminders of the same department. */
const REMIND_PAUSE_MS = 60 * 60_000;

export async function listCycles(db: Db, municipalityId: string): Promise<ReportingCycle[]> {
  const rows = await db.query<CycleRow>(
    `SELECT ${CYCLE} FROM reporting_cycle c LEFT JOIN app_user u ON u.id = c.closed_by WHERE c.municipality_id = $1 ORDER BY c.opened_at DESC, c.id`,
    [municipalityId],
  );
  return rows.map(toCycle);
}

async function getCycle(db: Db, municipalityId: string, id: string, lock = false): Promise<ReportingCycle & { snapshot: unknown }> {
  if (lock) await db.query('SELECT 1 FROM reporting_cycle WHERE municipality_id = $1 AND id = $2 FOR UPDATE', [municipalityId, id]);
  const [r] = await db.query<CycleRow & { snapshot: unknown }>(
    `SELECT ${CYCLE}, c.snapshot FROM reporting_cycle c LEFT JOIN app_user u ON u.id = c.closed_by WHERE c.municipality_id = $1 AND c.id = $2`,
    [municipalityId, id],
  );
  if (!r) throw notFound('reportingCycle');
  return { ...toCycle(r), snapshot: r.snapshot };
}

const cycleClosed = () => new AppError(409, 'cycle_closed', 'cycle_closed');

interface LedMeasure { departmentId: string; departmentName: string; measureId: string; number: number; title: string; reported: boolean; latestReportId: string | null; latestState: string | null; latestProgress: number | null }

/**
 * The measures each department leads that are due in the cycle, and whether each was reported in it.
 * A measure whose latest report is done or cancelled (from an earlier cycle) is not asked for again.
 */
async function ledMeasures(db: Db, municipalityId: string, cycleId: string, departmentId?: string | null): Promise<LedMeasure[]> {
  return db.query<LedMeasure>(
    `SELECT d.id AS "departmentId", d.name AS "departmentName", m.id AS "measureId", m.number, m.title,
            EXISTS (SELECT 1 FROM status_report r WHERE r.municipality_id = m.municipality_id AND r.measure_id = m.id AND r.cycle_id = $2) AS reported,
            mi.report_id AS "latestReportId", mi.state AS "latestState", mi.progress AS "latestProgress"
     FROM measure m JOIN department d ON d.municipality_id = m.municipality_id AND d.id = m.lead_department_id
     LEFT JOIN measure_implementation mi ON mi.measure_id = m.id
     LEFT JOIN status_report lr ON lr.id = mi.report_id
     WHERE m.municipality_id = $1 AND ($3::uuid IS NULL OR d.id = $3)
       AND NOT coalesce(mi.state IN ('done', 'cancelled') AND lr.cycle_id IS DISTINCT FROM $2, false)
     ORDER BY d.name, d.id, m.number`,
    [municipalityId, cycleId, departmentId ?? null],
  );
}

const measureList = (ms: Pick<LedMeasure, 'number' | 'title'>[]) => ms.map((m) => ({ number: m.number, title: m.title }));

function byDepartment(rows: LedMeasure[]) {
  const out = new Map<string, { name: string; rows: LedMeasure[] }>();
  for (const r of rows) {
    const g = out.get(r.departmentId) ?? { name: r.departmentName, rows: [] };
    g.rows.push(r);
    out.set(r.departmentId, g);
  }
  return out;
}

export async function cycleDetail(db: Db, municipalityId: string, id: string): Promise<CycleDetail> {
  const cycle = await getCycle(db, municipalityId, id);
  const rows = await ledMeasures(db, municipalityId, id);
  const reminders = await db.query<{ departmentId: string; at: Date | string }>(
    'SELECT department_id AS "departmentId", max(sent_at) AS at FROM reporting_cycle_reminder WHERE municipality_id = $1 AND cycle_id = $2 GROUP BY department_id',
    [municipalityId, id],
  );
  const departments = [...byDepartment(rows)].map(([departmentId, g]) => {
    const last = reminders.find((r) => r.departmentId === departmentId);
    return {
      departmentId,
      departmentName: g.name,
      led: g.rows.length,
      reported: g.rows.filter((r) => r.reported).length,
      missing: g.rows.filter((r) => !r.reported).map((r) => ({ measureId: r.measureId, number: r.number, title: r.title })),
      lastReminderAt: last ? new Date(last.at).toISOString() : null,
    };
  });
  const { snapshot, ...rest } = cycle;
  return { ...rest, departments, snapshot: (snapshot as CycleDetail['snapshot']) ?? null };
}

/** Opens a cycle; at most one is open per municipality (409 `cycle_open_exists`, also under concurrency by a unique index). */
export async function openCycle(db: Db, actor: Actor, input: { title?: string; dueOn: string; reminderDaysBefore: number }, today = berlinToday()): Promise<CycleDetail> {
  if (input.dueOn < today) throw invalid('cycle_due_past');
  const title = input.title ?? quarterTitle(input.dueOn);
  const id = await db.tx(async (t) => {
    // serialises openings of one municipality (the unique index is the last line of defence)
    await t.query('SELECT 1 FROM municipality WHERE id = $1 FOR UPDATE', [actor.municipalityId]);
    const [open] = await t.query<{ id: string; title: string }>('SELECT id, title FROM reporting_cycle WHERE municipality_id = $1 AND closed_at IS NULL', [actor.municipalityId]);
    if (open) throw new AppError(409, 'cycle_open_exists', { key: 'cycle_open_exists', params: { title: open.title } }, { openId: open.id });
    const [dup] = await t.query('SELECT 1 FROM reporting_cycle WHERE municipality_id = $1 AND title = $2', [actor.municipalityId, title]);
    if (dup) throw new AppError(409, 'cycle_title_taken', { key: 'cycle_title_taken', params: { title } });
    const [{ id }] = await t.query<{ id: string }>(
      'INSERT INTO reporting_cycle (municipality_id, title, due_on, reminder_days_before, opened_by) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [actor.municipalityId, title, input.dueOn, input.reminderDaysBefore, actor.userId],
    );
    // reports filed since the last cycle closed belong to this one ("later reports go to the next cycle");
    // before the first cycle there is no such report (older reports were not asked for by a cycle)
    await t.query(
      `UPDATE status_report SET cycle_id = $2 WHERE municipality_id = $1 AND cycle_id IS NULL
         AND created_at > coalesce((SELECT max(closed_at) FROM reporting_cycle WHERE municipality_id = $1 AND closed_at IS NOT NULL), 'infinity'::timestamptz)`,
      [actor.municipalityId, id],
    );
    for (const [departmentId, g] of byDepartment(await ledMeasures(t, actor.municipalityId, id))) {
      const missing = g.rows.filter((r) => !r.reported);
      if (!missing.length) continue;
      await notify(t, {
        municipalityId: actor.municipalityId,
        kind: 'status_report_requested',
        departmentIds: [departmentId],
        params: { cycle: title, dueOn: input.dueOn, dueOnDe: dateDe(input.dueOn), department: g.name, measures: measureList(missing) },
        link: '/my-reports',
        eventKey: `cycle:${id}:open:${departmentId}`,
      });
    }
    return id;
  });
  return cycleDetail(db, actor.municipalityId, id);
}

/** The measures the actor's department leads in the cycle (coordinators and admins: every lead department's). */
export async function myReports(db: Db, actor: Actor, id: string): Promise<MyReports> {
  const cycle = await getCycle(db, actor.municipalityId, id);
  // a department member without a department leads nothing: the nil id matches no department
  const departmentId = actor.role === 'department' ? (actor.departmentId ?? '00000000-0000-0000-0000-000000000000') : null;
  const rows = await ledMeasures(db, actor.municipalityId, id, departmentId);
  const { snapshot: _snapshot, ...c } = cycle;
  return {
    cycle: c,
    items: rows.map((r) => ({
      measureId: r.measureId, number: r.number, title: r.title, departmentName: r.departmentName,
      latestReportId: r.latestReportId, latestState: r.latestState as MyReports['items'][number]['latestState'], latestProgress: r.latestProgress, reportedInCycle: r.reported,
    })),
  };
}

/**
 * Notifies the members of a department of its missing reports. `manual` (a coordinator reminds again):
 * not within an hour of the previous reminder (409 `cycle_remind_too_soon`). `auto` (the daily job):
 * once per cycle and department, decided by the unique index, so two instances remind once.
 * Returns null when another instance sent the automatic reminder already.
 */
async function remind(t: Db, municipalityId: string, cycle: Pick<ReportingCycle, 'id' | 'title' | 'dueOn'>, departmentId: string, kind: 'auto' | 'manual', by: string | null, now: Date) {
  const rows = await ledMeasures(t, municipalityId, cycle.id, departmentId);
  const missing = rows.filter((r) => !r.reported);
  if (!missing.length) return { notified: 0, missing: 0 };
  const [row] = await t.query<{ id: string }>(
    `INSERT INTO reporting_cycle_reminder (municipality_id, cycle_id, department_id, kind, sent_by, sent_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (cycle_id, department_id) WHERE kind = 'auto' DO NOTHING RETURNING id`,
    [municipalityId, cycle.id, departmentId, kind, by, now.toISOString()],
  );
  if (!row) return null;
  const ids = await notify(t, {
    municipalityId,
    kind: 'status_report_overdue',
    departmentIds: [departmentId],
    params: { cycle: cycle.title, dueOn: cycle.dueOn, dueOnDe: dateDe(cycle.dueOn), department: missing[0].departmentName, count: missing.length, measures: measureList(missing) },
    link: '/my-reports',
    eventKey: kind === 'auto' ? `cycle:${cycle.id}:auto:${departmentId}` : `cycle:${cycle.id}:remind:${row.id}`,
  });
  return { notified: ids.length, missing: missing.length };
}

export async function remindDepartment(db: Db, actor: Actor, id: string, departmentId: string, now = new Date()) {
  return db.tx(async (t) => {
    const cycle = await getCycle(t, actor.municipalityId, id, true);
    if (cycle.closedAt) throw cycleClosed();
    const [dept] = await t.query('SELECT 1 FROM department WHERE municipality_id = $1 AND id = $2', [actor.municipalityId, departmentId]);
    if (!dept) throw notFound('department');
    const [last] = await t.query<{ at: Date | string }>(
      'SELECT max(sent_at) AS at FROM reporting_cycle_reminder WHERE municipality_id = $1 AND cycle_id = $2 AND department_id = $3',
      [actor.municipalityId, id, departmentId],
    );
    if (last?.at && now.getTime() - new Date(last.at).getTime() < REMIND_PAUSE_MS) {
      throw new AppError(409, 'cycle_remind_too_soon', 'cycle_remind_too_soon', { lastReminderAt: new Date(last.at).toISOString() });
    }
    return (await remind(t, actor.municipalityId, cycle, departmentId, 'manual', actor.userId, now))!;
  });
}

/** The daily reminder: every open cycle whose reminder day has come, every department still missing reports, once. */
export async function sendDueCycleReminders(db: Db, now = new Date()): Promise<number> {
  const due = await db.query<{ municipalityId: string; id: string }>(
    `SELECT municipality_id AS "municipalityId", id FROM reporting_cycle
     WHERE closed_at IS NULL AND due_on - reminder_days_before <= $1::date ORDER BY opened_at`,
    [berlinToday(now)],
  );
  let sent = 0;
  for (const c of due) {
    const departments = await db.query<{ id: string }>(
      `SELECT DISTINCT m.lead_department_id AS id FROM measure m WHERE m.municipality_id = $1 AND m.lead_department_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM reporting_cycle_reminder r WHERE r.cycle_id = $2 AND r.department_id = m.lead_department_id AND r.kind = 'auto')`,
      [c.municipalityId, c.id],
    );
    for (const d of departments) {
      const r = await db.tx(async (t) => {
        // under the cycle's lock: a cycle closed meanwhile is not reminded of
        const cycle = await getCycle(t, c.municipalityId, c.id, true);
        if (cycle.closedAt) return null;
        return remind(t, c.municipalityId, cycle, d.id, 'auto', null, now);
      });
      if (r?.notified) sent += r.notified;
    }
  }
  return sent;
}

/** Closes the cycle: the latest report of every measure becomes its immutable snapshot. */
export async function closeCycle(db: Db, actor: Actor, id: string, version: number): Promise<CycleDetail> {
  await db.tx(async (t) => {
    const cycle = await getCycle(t, actor.municipalityId, id, true);
    if (cycle.closedAt) throw cycleClosed();
    if (cycle.version !== version) throw versionConflict(cycle);
    const rows = await t.query<{ measureId: string; number: number; title: string; leadDepartmentId: string | null; reportId: string | null; createdAt: Date | string | null; cycleId: string | null; state: string | null; progress: number | null; spentCents: string | number | null; blockers: string | null; boardDecisionNeeded: boolean | null }>(
      `SELECT m.id AS "measureId", m.number, m.title, m.lead_department_id AS "leadDepartmentId", r.id AS "reportId", r.created_at AS "createdAt",
              r.cycle_id AS "cycleId", r.state, r.progress, r.spent_cents AS "spentCents", r.blockers, r.board_decision_needed AS "boardDecisionNeeded"
       FROM measure m LEFT JOIN measure_implementation mi ON mi.measure_id = m.id LEFT JOIN status_report r ON r.id = mi.report_id
       WHERE m.municipality_id = $1 ORDER BY m.number`,
      [actor.municipalityId],
    );
    const snapshot = rows.map((r) => ({
      measureId: r.measureId, number: r.number, title: r.title, leadDepartmentId: r.leadDepartmentId,
      report: r.reportId
        ? { id: r.reportId, createdAt: new Date(r.createdAt!).toISOString(), cycleId: r.cycleId, state: r.state, progress: r.progress, spentCents: Number(r.spentCents), blockers: r.blockers, boardDecisionNeeded: r.boardDecisionNeeded }
        : null,
    }));
    await t.query(
      'UPDATE reporting_cycle SET closed_at = clock_timestamp(), closed_by = $3, snapshot = $4::jsonb, version = version + 1 WHERE municipality_id = $1 AND id = $2',
      [actor.municipalityId, id, actor.userId, JSON.stringify(snapshot)],
    );
  });
  return cycleDetail(db, actor.municipalityId, id);
}
