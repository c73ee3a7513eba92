import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import { notFound } from '../../errors';
import { recordExport } from '../audit/account-events';

type Row = Record<string, unknown>;
const iso = (d: unknown) => (d == null ? null : new Date(d as string).toISOString());

/**
 * Everything the app holds about one account (GDPR Art. 15 and 20), as plain JSON. `municipalityIds`
 * bounds what is read: a person's own export covers all their municipalities; an admin's export of a
 * member covers only the admin's municipality (the other town halls answer for their own records).
 * Secrets are never included: no password hash, no token or session hashes, no two-factor secret.
 */
export async function collectPersonalData(db: Db, userId: string, municipalityIds: string[]) {
  const [account] = await db.query<Row>(
    `SELECT u.id, u.name, u.email, u.locale, u.created_at, u.erased_at,
            (tf.enabled_at IS NOT NULL) AS two_factor_on, tf.enabled_at AS two_factor_since
     FROM app_user u LEFT JOIN two_factor tf ON tf.user_id = u.id WHERE u.id = $1`,
    [userId],
  );
  if (!account) throw notFound('person');
  const m = municipalityIds;
  const memberships = await db.query<Row>(
    `SELECT mu.id AS municipality_id, mu.name AS municipality, ms.role, d.name AS department, ms.created_at
     FROM membership ms JOIN municipality mu ON mu.id = ms.municipality_id
     LEFT JOIN department d ON d.municipality_id = ms.municipality_id AND d.id = ms.department_id
     WHERE ms.user_id = $1 AND ms.municipality_id = ANY($2::uuid[]) ORDER BY mu.name`,
    [userId, m],
  );
  const sessions = await db.query<Row>(
    `SELECT id, municipality_id, created_at, last_active_at, expires_at, user_agent, address FROM session
     WHERE user_id = $1 AND municipality_id = ANY($2::uuid[]) ORDER BY created_at DESC`,
    [userId, m],
  );
  const apiTokens = await db.query<Row>(
    `SELECT id, municipality_id, name, read_only, created_at, expires_at, last_used_at FROM api_token
     WHERE user_id = $1 AND municipality_id = ANY($2::uuid[]) ORDER BY created_at DESC`,
    [userId, m],
  );
  // The person's activity as the audit trail recorded it: what they created, changed, deleted, signed in.
  const activity = await db.query<Row>(
    `SELECT municipality_id, at, action, entity_type, entity_id, changes FROM audit_event
     WHERE actor_id = $1 AND municipality_id = ANY($2::uuid[]) ORDER BY id DESC LIMIT 20000`,
    [userId, m],
  );
  const measures = await db.query<Row>(
    `SELECT me.municipality_id, me.id, me.number, me.title, count(*)::int AS changes, min(a.at) AS first_at, max(a.at) AS last_at,
            bool_or(a.action = 'create') AS created
     FROM audit_event a JOIN measure me ON me.municipality_id = a.municipality_id AND me.id::text = a.entity_id
     WHERE a.actor_id = $1 AND a.municipality_id = ANY($2::uuid[]) AND a.entity_type = 'measure'
     GROUP BY me.municipality_id, me.id, me.number, me.title ORDER BY me.number`,
    [userId, m],
  );
  const scores = await db.query<Row>(
    `SELECT s.municipality_id, r.name AS round, me.number AS measure_number, me.title AS measure, s.criterion_id, s.value, s.comment, s.updated_at
     FROM priority_score s JOIN scoring_round r ON r.municipality_id = s.municipality_id AND r.id = s.round_id
     JOIN measure me ON me.municipality_id = s.municipality_id AND me.id = s.measure_id
     WHERE s.rater_id = $1 AND s.municipality_id = ANY($2::uuid[]) ORDER BY r.created_at, me.number`,
    [userId, m],
  );
  const participations = await db.query<Row>(
    `SELECT p.municipality_id, p.id, w.title AS workshop, w.starts_on, w.ends_on, p.name, g.name AS "group", p.joined_at
     FROM participant p JOIN workshop w ON w.id = p.workshop_id LEFT JOIN workshop_group g ON g.id = p.group_id
     WHERE p.user_id = $1 AND p.municipality_id = ANY($2::uuid[]) ORDER BY p.joined_at`,
    [userId, m],
  );
  const dots = await db.query<Row>(
    `SELECT d.municipality_id, w.title AS workshop, r.title AS round, i.label AS item, d.placed_at
     FROM dot d JOIN participant p ON p.id = d.participant_id JOIN vote_round r ON r.id = d.round_id
     JOIN vote_item i ON i.id = d.item_id JOIN workshop w ON w.id = r.workshop_id
     WHERE p.user_id = $1 AND d.municipality_id = ANY($2::uuid[]) ORDER BY d.placed_at`,
    [userId, m],
  );
  const savedSearches = await db.query<Row>(
    `SELECT municipality_id, id, name, measure_filter, programme_filter, notify_email, created_at FROM saved_search
     WHERE owner_id = $1 AND municipality_id = ANY($2::uuid[]) ORDER BY created_at`,
    [userId, m],
  );
  const decisions = await db.query<Row>(
    `SELECT municipality_id, id, body, decided_on, note, created_at FROM priority_decision
     WHERE created_by = $1 AND municipality_id = ANY($2::uuid[]) ORDER BY created_at`,
    [userId, m],
  );
  // Monitoring: the status reports the person wrote, their comments on reports, measured indicator values.
  const statusReports = await db.query<Row>(
    `SELECT r.municipality_id, r.id, me.number AS measure_number, me.title AS measure, r.created_at, r.state, r.progress,
            r.spent_cents, r.next_steps, r.blockers, r.board_decision_needed
     FROM status_report r JOIN measure me ON me.municipality_id = r.municipality_id AND me.id = r.measure_id
     WHERE r.author_id = $1 AND r.municipality_id = ANY($2::uuid[]) ORDER BY r.created_at`,
    [userId, m],
  );
  const reportComments = await db.query<Row>(
    `SELECT c.municipality_id, c.id, me.number AS measure_number, me.title AS measure, c.body, c.created_at
     FROM status_report_comment c JOIN status_report r ON r.municipality_id = c.municipality_id AND r.id = c.report_id
     JOIN measure me ON me.municipality_id = r.municipality_id AND me.id = r.measure_id
     WHERE c.author_id = $1 AND c.municipality_id = ANY($2::uuid[]) ORDER BY c.created_at`,
    [userId, m],
  );
  const indicatorValues = await db.query<Row>(
    `SELECT v.municipality_id, v.id, i.name AS indicator, v.measured_on::text AS measured_on, v.value::text AS value, v.note, v.created_at
     FROM indicator_value v JOIN indicator i ON i.municipality_id = v.municipality_id AND i.id = v.indicator_id
     WHERE v.entered_by = $1 AND v.municipality_id = ANY($2::uuid[]) ORDER BY v.created_at`,
    [userId, m],
  );
  const notifications = await optionalNotifications(db, userId, m);
  return {
    format: 'roter-faden-personal-data/1',
    generatedAt: new Date().toISOString(),
    account: {
      id: account.id, name: account.name, email: account.email, locale: account.locale, createdAt: iso(account.created_at),
      erasedAt: iso(account.erased_at), twoFactor: { on: account.two_factor_on === true, since: iso(account.two_factor_since) },
    },
    memberships: memberships.map((r) => ({ municipalityId: r.municipality_id, municipality: r.municipality, role: r.role, department: r.department ?? null, since: iso(r.created_at) })),
    sessions: sessions.map((r) => ({ id: r.id, municipalityId: r.municipality_id, createdAt: iso(r.created_at), lastActiveAt: iso(r.last_active_at), expiresAt: iso(r.expires_at), userAgent: r.user_agent, address: r.address })),
    apiTokens: apiTokens.map((r) => ({ id: r.id, municipalityId: r.municipality_id, name: r.name, readOnly: r.read_only, createdAt: iso(r.created_at), expiresAt: iso(r.expires_at), lastUsedAt: iso(r.last_used_at) })),
    measures: measures.map((r) => ({ municipalityId: r.municipality_id, id: r.id, number: r.number, title: r.title, created: r.created === true, changes: r.changes, firstAt: iso(r.first_at), lastAt: iso(r.last_at) })),
    scores: scores.map((r) => ({ municipalityId: r.municipality_id, round: r.round, measureNumber: r.measure_number, measure: r.measure, criterionId: r.criterion_id, value: r.value, comment: r.comment, updatedAt: iso(r.updated_at) })),
    workshopParticipations: participations.map((r) => ({ municipalityId: r.municipality_id, id: r.id, workshop: r.workshop, startsOn: r.starts_on ?? null, endsOn: r.ends_on ?? null, name: r.name, group: r.group ?? null, joinedAt: iso(r.joined_at) })),
    dots: dots.map((r) => ({ municipalityId: r.municipality_id, workshop: r.workshop, round: r.round, item: r.item, placedAt: iso(r.placed_at) })),
    savedSearches: savedSearches.map((r) => ({ municipalityId: r.municipality_id, id: r.id, name: r.name, measureFilter: r.measure_filter, programmeFilter: r.programme_filter, notifyEmail: r.notify_email, createdAt: iso(r.created_at) })),
    decisionsRecorded: decisions.map((r) => ({ municipalityId: r.municipality_id, id: r.id, body: r.body, decidedOn: r.decided_on, note: r.note, createdAt: iso(r.created_at) })),
    statusReports: statusReports.map((r) => ({
      municipalityId: r.municipality_id, id: r.id, measureNumber: r.measure_number, measure: r.measure, createdAt: iso(r.created_at),
      state: r.state, progress: r.progress, spentCents: Number(r.spent_cents), nextSteps: r.next_steps, blockers: r.blockers, boardDecisionNeeded: r.board_decision_needed === true,
    })),
    reportComments: reportComments.map((r) => ({ municipalityId: r.municipality_id, id: r.id, measureNumber: r.measure_number, measure: r.measure, body: r.body, createdAt: iso(r.created_at) })),
    indicatorValues: indicatorValues.map((r) => ({ municipalityId: r.municipality_id, id: r.id, indicator: r.indicator, measuredOn: r.measured_on, value: r.value, note: r.note, createdAt: iso(r.created_at) })),
    notifications,
    activity: activity.map((r) => ({ municipalityId: r.municipality_id, at: iso(r.at), action: r.action, entityType: r.entity_type, entityId: r.entity_id, changes: r.changes })),
  };
}
export type PersonalData = Awaited<ReturnType<typeof collectPersonalData>>;

/** Notifications belong to another module that may not exist in this installation yet: read them only if the table does. */
async function optionalNotifications(db: Db, userId: string, municipalityIds: string[]): Promise<Row[]> {
  const cols = await db.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'notification'`,
  );
  const names = new Set(cols.map((c) => c.column_name));
  if (!names.has('user_id')) return [];
  const scoped = names.has('municipality_id') ? ' AND municipality_id = ANY($2::uuid[])' : ' AND $2::uuid[] IS NOT NULL';
  const rows = await db.query<{ n: Row }>(`SELECT row_to_json(x) AS n FROM notification x WHERE user_id = $1${scoped} LIMIT 5000`, [userId, municipalityIds]);
  return rows.map((r) => r.n);
}

/** The municipalities a person's own export covers: every one they belong to. */
export async function ownMunicipalities(db: Db, userId: string): Promise<string[]> {
  const rows = await db.query<{ municipality_id: string }>('SELECT municipality_id FROM membership WHERE user_id = $1', [userId]);
  return rows.map((r) => r.municipality_id);
}

/** An admin's export of a member: the member must belong to the admin's municipality (else 404). */
export async function assertMember(db: Db, municipalityId: string, userId: string) {
  const [row] = await db.query('SELECT 1 FROM membership WHERE municipality_id = $1 AND user_id = $2', [municipalityId, userId]);
  if (!row) throw notFound('person');
}

/** Every export of personal data is in the trail: whose data, which format, asked by whom (the actor). */
export async function recordPersonalExport(db: Db, actor: Actor, userId: string, format: 'json' | 'pdf') {
  await recordExport(db, actor, { entityType: 'personalData', entityId: userId, details: { format, self: userId === actor.userId } });
}
