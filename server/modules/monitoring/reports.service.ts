import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { ReportComment, ReportInput, ReportTimeline, StatusReport } from '../../../contract/monitoring';
import { formatMoney } from '../../../domain/format';
import { DEFAULT_CYCLE_DAYS, measureFlags, REPORT_STATE_LABELS } from '../../../domain/monitoring';
import { AppError, forbidden, invalid, notFound } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { lockRow } from '../concept/concept.service';
import { notify } from '../notifications/notify';

interface MeasureRow {
  id: string;
  number: number;
  title: string;
  leadDepartmentId: string | null;
  partnerDepartmentIds: string[];
  costCents: string | number | null;
  plannedEnd: string | null;
}

async function getMeasure(db: Db, municipalityId: string, id: string): Promise<MeasureRow> {
  const [m] = await db.query<MeasureRow>(
    `SELECT id, number, title, lead_department_id AS "leadDepartmentId", partner_department_ids AS "partnerDepartmentIds",
            cost_cents AS "costCents", to_char(planned_end, 'YYYY-MM-DD') AS "plannedEnd"
     FROM measure WHERE municipality_id = $1 AND id = $2`,
    [municipalityId, id],
  );
  if (!m) throw notFound('measure');
  return m;
}

/** The lead department reports; coordinators and admins may report on its behalf (the author is recorded). */
export function canReport(actor: Actor, m: Pick<MeasureRow, 'leadDepartmentId'>): boolean {
  if (actor.role === 'admin' || actor.role === 'coordinator') return true;
  return actor.role === 'department' && actor.departmentId != null && actor.departmentId === m.leadDepartmentId;
}

/** Lead and partner departments comment on a report (and the coordinators). */
export function canComment(actor: Actor, m: Pick<MeasureRow, 'leadDepartmentId' | 'partnerDepartmentIds'>): boolean {
  if (canReport(actor, m)) return true;
  return actor.role === 'department' && actor.departmentId != null && m.partnerDepartmentIds.includes(actor.departmentId);
}

const REPORT = `r.id, r.measure_id AS "measureId", u.name AS "authorName", r.created_at AS "createdAt", r.state, r.progress,
  r.spent_cents AS "spentCents", r.milestone_ids AS "milestoneIds", r.next_steps AS "nextSteps", r.blockers,
  r.board_decision_needed AS "boardDecisionNeeded", r.cycle_id AS "cycleId", r.previous_id AS "previousId", r.unchanged`;

type ReportRow = Omit<StatusReport, 'comments' | 'createdAt' | 'spentCents'> & { createdAt: Date | string; spentCents: string | number };
const toReport = (r: ReportRow, comments: ReportComment[] = []): StatusReport => ({
  ...r,
  createdAt: new Date(r.createdAt).toISOString(),
  spentCents: Number(r.spentCents),
  comments,
});

async function reportsOf(db: Db, municipalityId: string, measureId: string, limit?: number): Promise<StatusReport[]> {
  const rows = await db.query<ReportRow>(
    `SELECT ${REPORT} FROM status_report r LEFT JOIN app_user u ON u.id = r.author_id
     WHERE r.municipality_id = $1 AND r.measure_id = $2 ORDER BY r.created_at DESC, r.id${limit ? ` LIMIT ${limit}` : ''}`,
    [municipalityId, measureId],
  );
  if (!rows.length) return [];
  const comments = await commentsOf(db, municipalityId, rows.map((r) => r.id));
  return rows.map((r) => toReport(r, comments.filter((c) => c.reportId === r.id)));
}

async function commentsOf(db: Db, municipalityId: string, reportIds: string[]): Promise<ReportComment[]> {
  const rows = await db.query<Omit<ReportComment, 'createdAt'> & { createdAt: Date | string }>(
    `SELECT c.id, c.report_id AS "reportId", u.name AS "authorName", d.name AS "departmentName", c.body, c.created_at AS "createdAt"
     FROM status_report_comment c LEFT JOIN app_user u ON u.id = c.author_id
     LEFT JOIN department d ON d.municipality_id = c.municipality_id AND d.id = c.department_id
     WHERE c.municipality_id = $1 AND c.report_id = ANY($2::uuid[]) ORDER BY c.created_at, c.id`,
    [municipalityId, reportIds],
  );
  return rows.map((c) => ({ ...c, createdAt: new Date(c.createdAt).toISOString() }));
}

export async function latestReport(db: Db, municipalityId: string, measureId: string): Promise<StatusReport | null> {
  await getMeasure(db, municipalityId, measureId);
  const [latest] = await reportsOf(db, municipalityId, measureId, 1);
  return latest ?? null;
}

export async function timeline(db: Db, actor: Actor, measureId: string, today = new Date().toISOString().slice(0, 10)): Promise<ReportTimeline> {
  const m = await getMeasure(db, actor.municipalityId, measureId);
  const items = await reportsOf(db, actor.municipalityId, measureId);
  const flags = measureFlags({ costCents: m.costCents == null ? null : Number(m.costCents), plannedEnd: m.plannedEnd, reports: items }, { today, cycleDays: DEFAULT_CYCLE_DAYS });
  return { measureId, items, latest: items[0] ?? null, canReport: canReport(actor, m), canComment: canComment(actor, m), flags, cycleDays: DEFAULT_CYCLE_DAYS };
}

/** How a report reads in the measure's audit trail. */
const summary = (r: Pick<StatusReport, 'state' | 'progress' | 'spentCents' | 'unchanged'>) =>
  `${REPORT_STATE_LABELS[r.state].de}, ${r.progress} % Fortschritt, ${formatMoney(r.spentCents)} ausgegeben${r.unchanged ? ' (unverändert)' : ''}`;

/**
 * Files a report. `basedOn` is the latest report the reporter saw: if another report came in since,
 * 409 `report_stale` with the newer one in `details.current`, so two people reporting at once learn of
 * each other instead of one silently overwriting the other's state.
 */
export async function fileReport(db: Db, actor: Actor, measureId: string, input: ReportInput, unchanged = false): Promise<StatusReport> {
  return db.tx(async (t) => {
    await lockRow(t, 'measure', actor.municipalityId, measureId);
    const m = await getMeasure(t, actor.municipalityId, measureId);
    if (!canReport(actor, m)) throw forbidden('forbidden.report_lead_only');
    const [latest] = await reportsOf(t, actor.municipalityId, measureId, 1);
    if ((latest?.id ?? null) !== input.basedOn) {
      throw new AppError(409, 'report_stale', input.basedOn ? 'report_stale' : 'report_stale.first', { current: latest ?? null });
    }
    if (input.state === 'done' && input.progress !== 100) throw invalid('report_done_progress');
    const milestoneIds = [...new Set(input.milestoneIds)];
    if (milestoneIds.length) {
      const [{ n }] = await t.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM milestone WHERE municipality_id = $1 AND measure_id = $2 AND id = ANY($3::uuid[])',
        [actor.municipalityId, measureId, milestoneIds],
      );
      if (Number(n) !== milestoneIds.length) throw invalid('report_milestone_foreign');
    }
    // the open reporting cycle, if any; FOR SHARE waits for a closing in progress, after which the report belongs to no cycle yet
    const [cycle] = await t.query<{ id: string }>('SELECT id FROM reporting_cycle WHERE municipality_id = $1 AND closed_at IS NULL FOR SHARE', [actor.municipalityId]);
    const [{ id }] = await t.query<{ id: string }>(
      `INSERT INTO status_report (municipality_id, measure_id, author_id, state, progress, spent_cents, milestone_ids, next_steps, blockers,
                                  board_decision_needed, previous_id, unchanged, cycle_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [actor.municipalityId, measureId, actor.userId, input.state, input.progress, input.spentCents, milestoneIds, input.nextSteps, input.blockers,
        input.boardDecisionNeeded, latest?.id ?? null, unchanged, cycle?.id ?? null],
    );
    const [created] = await reportsOf(t, actor.municipalityId, measureId, 1);
    if (created.id !== id) throw new Error('status report order'); // cannot happen: the measure row is locked
    await recordAudit(t, actor, { entityType: 'measure', entityId: measureId, action: 'update', before: { Statusbericht: null }, after: { Statusbericht: summary(created) } });
    return created;
  });
}

/** "Unchanged": the latest report's content again, under a new date and author. */
export async function repeatReport(db: Db, actor: Actor, measureId: string, basedOn: string): Promise<StatusReport> {
  const m = await getMeasure(db, actor.municipalityId, measureId);
  if (!canReport(actor, m)) throw forbidden('forbidden.report_lead_only');
  const [latest] = await reportsOf(db, actor.municipalityId, measureId, 1);
  if (!latest) throw invalid('report_nothing_to_repeat');
  const { state, progress, spentCents, milestoneIds, nextSteps, blockers, boardDecisionNeeded } = latest;
  // the check against `basedOn` happens again under the lock in fileReport
  return fileReport(db, actor, measureId, { basedOn, state, progress, spentCents, milestoneIds, nextSteps, blockers, boardDecisionNeeded }, true);
}

async function reportOfMeasure(db: Db, municipalityId: string, measureId: string, reportId: string) {
  const [r] = await db.query<{ id: string; authorId: string | null }>(
    'SELECT id, author_id AS "authorId" FROM status_report WHERE municipality_id = $1 AND measure_id = $2 AND id = $3',
    [municipalityId, measureId, reportId],
  );
  if (!r) throw notFound('statusReport');
  return r;
}

export async function listComments(db: Db, actor: Actor, measureId: string, reportId: string): Promise<ReportComment[]> {
  await getMeasure(db, actor.municipalityId, measureId);
  await reportOfMeasure(db, actor.municipalityId, measureId, reportId);
  return commentsOf(db, actor.municipalityId, [reportId]);
}

/** A comment on a report; the lead department and the report's author hear of it (not the commenter). */
export async function addComment(db: Db, actor: Actor, measureId: string, reportId: string, body: string): Promise<ReportComment> {
  return db.tx(async (t) => {
    const m = await getMeasure(t, actor.municipalityId, measureId);
    const report = await reportOfMeasure(t, actor.municipalityId, measureId, reportId);
    if (!canComment(actor, m)) throw forbidden('forbidden.report_comment');
    const [{ id }] = await t.query<{ id: string }>(
      'INSERT INTO status_report_comment (municipality_id, report_id, author_id, department_id, body) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [actor.municipalityId, reportId, actor.userId, actor.departmentId, body],
    );
    const comment = (await commentsOf(t, actor.municipalityId, [reportId])).find((c) => c.id === id)!;
    await recordAudit(t, actor, { entityType: 'measure', entityId: measureId, action: 'update', before: { 'Kommentar zum Statusbericht': null }, after: { 'Kommentar zum Statusbericht': body.slice(0, 200) } });
    await notify(t, {
      municipalityId: actor.municipalityId,
      kind: 'measure_comment',
      departmentIds: m.leadDepartmentId ? [m.leadDepartmentId] : [],
      userIds: report.authorId ? [report.authorId] : [],
      exceptUserId: actor.userId,
      params: { number: m.number, title: m.title },
      link: `/measures/${measureId}#umsetzung`,
      eventKey: `report_comment:${id}`,
    });
    return comment;
  });
}
