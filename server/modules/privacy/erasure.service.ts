import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import { AppError, conflict, notFound } from '../../errors';
import type { ErasureSummary } from '../../../contract/privacy';
import { erasedEmail, pseudonymFor, replaceNamesDeep } from './pseudonym';

/**
 * GDPR erasure (Art. 17) of an account or a workshop guest: who they were is replaced by a pseudonym
 * ("Gelöschte Person 7F3A", the same for the same person every time), credentials are removed, and
 * everything they contributed stays counted — dots, scores, briefs, the record of decided rounds.
 *
 * Accounts that belong to several municipalities: an admin answers for their own municipality only, so
 * the account itself (its name and address, used by the other town halls too) is not touched. The admin's
 * erasure then removes the membership here, ends the person's sessions and API tokens here and replaces
 * the name in this municipality's records (`account_in_municipality`). An account that belongs to this
 * municipality alone is erased entirely (`account`): name and address pseudonymised, password, sessions,
 * tokens, second factor and saved searches deleted; its membership stays, as a reader without any way to
 * sign in, so that its scores remain counted (they are tied to the membership).
 */

type Kind = ErasureSummary['kind'];
interface Target {
  kind: Kind;
  id: string;
  name: string;
  email: string | null;
  pseudonym: string;
  otherMunicipalities: number;
  workshopId: string | null;
  erasedAt: string | null;
}
type Counts = ErasureSummary['counts'];

const normalise = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');

async function accountTarget(db: Db, secret: string, municipalityId: string, userId: string, lock = false): Promise<Target> {
  const [u] = await db.query<{ name: string; email: string; erased_at: Date | null; others: number }>(
    `SELECT u.name, u.email, u.erased_at,
            (SELECT count(*)::int FROM membership o WHERE o.user_id = u.id AND o.municipality_id <> $1) AS others
     FROM membership m JOIN app_user u ON u.id = m.user_id WHERE m.municipality_id = $1 AND m.user_id = $2${lock ? ' FOR UPDATE OF u' : ''}`,
    [municipalityId, userId],
  );
  if (!u) throw notFound('person');
  return {
    kind: u.others > 0 ? 'account_in_municipality' : 'account',
    id: userId, name: u.name, email: u.email, pseudonym: pseudonymFor(secret, userId), otherMunicipalities: u.others,
    workshopId: null, erasedAt: u.erased_at ? new Date(u.erased_at).toISOString() : null,
  };
}

async function guestTarget(db: Db, secret: string, municipalityId: string, workshopId: string, participantId: string, lock = false): Promise<Target> {
  const [p] = await db.query<{ name: string; user_id: string | null; erased_at: Date | null }>(
    `SELECT name, user_id, erased_at FROM participant WHERE municipality_id = $1 AND workshop_id = $2 AND id = $3${lock ? ' FOR UPDATE' : ''}`,
    [municipalityId, workshopId, participantId],
  );
  if (!p) throw notFound('participant');
  if (p.user_id) throw new AppError(409, 'erasure_account_participant', 'erasure_account_participant');
  return {
    kind: 'guest', id: participantId, name: p.name, email: null, pseudonym: pseudonymFor(secret, participantId), otherMunicipalities: 0,
    workshopId, erasedAt: p.erased_at ? new Date(p.erased_at).toISOString() : null,
  };
}

/** Audit events whose `changes` name the person: for an account anywhere in the municipality, for a guest only around their workshop. */
async function auditMentions(db: Db, municipalityId: string, t: Target) {
  const needles = [t.name, ...(t.email ? [t.email] : [])];
  const patterns = needles.map((n) => `%${n.replace(/[\\%_]/g, '\\$&')}%`);
  let entityIds: string[] | null = null;
  if (t.kind === 'guest') {
    const rounds = await db.query<{ id: string }>('SELECT id FROM vote_round WHERE municipality_id = $1 AND workshop_id = $2', [municipalityId, t.workshopId]);
    entityIds = [t.workshopId!, t.id, ...rounds.map((r) => r.id)];
  }
  const rows = await db.query<{ id: number; changes: unknown }>(
    `SELECT id, changes FROM audit_event WHERE municipality_id = $1 AND changes::text ILIKE ANY($2::text[])
       AND ($3::text[] IS NULL OR entity_id = ANY($3::text[]))`,
    [municipalityId, patterns, entityIds],
  );
  return rows
    .map((r) => ({ id: r.id, changes: replaceNamesDeep(r.changes, needles, t.pseudonym), before: r.changes }))
    .filter((r) => JSON.stringify(r.changes) !== JSON.stringify(r.before));
}

/** Participants that are this person (their own row as a guest; every workshop row of an account in the municipality). */
async function participantIds(db: Db, municipalityId: string, t: Target): Promise<string[]> {
  if (t.kind === 'guest') return [t.id];
  const rows = await db.query<{ id: string }>('SELECT id FROM participant WHERE municipality_id = $1 AND user_id = $2', [municipalityId, t.id]);
  return rows.map((r) => r.id);
}

/** Closed rounds whose kept result lists this person by name among the voters (named rounds). */
async function roundResults(db: Db, municipalityId: string, t: Target, participants: string[]) {
  if (!participants.length) return [];
  const rows = await db.query<{ id: string; result: { rows?: { voters?: { name: string }[] }[] } }>(
    `SELECT r.id, r.result FROM vote_round r WHERE r.municipality_id = $1 AND r.result IS NOT NULL
       AND EXISTS (SELECT 1 FROM dot d WHERE d.round_id = r.id AND d.participant_id = ANY($2::uuid[]))`,
    [municipalityId, participants],
  );
  const out: { id: string; result: unknown }[] = [];
  for (const r of rows) {
    let changed = false;
    const rowsOut = (r.result.rows ?? []).map((row) => row.voters
      ? { ...row, voters: row.voters.map((v) => (v.name === t.name ? ((changed = true), { ...v, name: t.pseudonym }) : v)) }
      : row);
    if (changed) out.push({ id: r.id, result: { ...r.result, rows: rowsOut } });
  }
  return out;
}

/** Recorded round decisions ("by": the person who recorded them) name an account: replace that name only. */
async function roundDecisions(db: Db, municipalityId: string, t: Target) {
  if (t.kind === 'guest') return [];
  const rows = await db.query<{ id: string; decision: unknown; decision_history: unknown }>(
    `SELECT id, decision, decision_history FROM vote_round WHERE municipality_id = $1 AND (decision::text ILIKE $2 OR decision_history::text ILIKE $2)`,
    [municipalityId, `%${t.name.replace(/[\\%_]/g, '\\$&')}%`],
  );
  const swap = (d: unknown): unknown => Array.isArray(d) ? d.map(swap)
    : d && typeof d === 'object' && (d as { by?: unknown }).by === t.name ? { ...d, by: t.pseudonym } : d;
  return rows
    .map((r) => ({ id: r.id, decision: swap(r.decision), history: swap(r.decision_history), before: [r.decision, r.decision_history] }))
    .filter((r) => JSON.stringify([r.decision, r.history]) !== JSON.stringify(r.before));
}

async function countOf(db: Db, sql: string, params: unknown[]): Promise<number> {
  const [{ n }] = await db.query<{ n: number }>(sql, params);
  return Number(n);
}

async function plan(db: Db, municipalityId: string, t: Target) {
  const participants = await participantIds(db, municipalityId, t);
  const mentions = await auditMentions(db, municipalityId, t);
  const results = await roundResults(db, municipalityId, t, participants);
  const decisions = await roundDecisions(db, municipalityId, t);
  const account = t.kind !== 'guest';
  // Sessions, tokens and saved searches: all of the account's when it is erased entirely, else this municipality's.
  const scope = t.kind === 'account' ? '' : ' AND municipality_id = $2';
  const counts: Counts = {
    auditActor: account ? await countOf(db, 'SELECT count(*) AS n FROM audit_event WHERE municipality_id = $1 AND actor_id = $2', [municipalityId, t.id]) : 0,
    auditMentions: mentions.length,
    participations: participants.length,
    roundResults: results.length,
    records: account
      ? await countOf(db, `SELECT (SELECT count(*) FROM priority_decision WHERE municipality_id = $1 AND created_by = $2)
          + (SELECT count(*) FROM measure_relation WHERE municipality_id = $1 AND created_by = $2)
          + (SELECT count(*) FROM funding_change WHERE municipality_id = $1 AND actor_name = $3) AS n`, [municipalityId, t.id, t.name]) + decisions.length
      : 0,
    sessions: account ? await countOf(db, `SELECT count(*) AS n FROM session WHERE user_id = $1${scope}`, [t.id, ...(scope ? [municipalityId] : [])]) : 0,
    apiTokens: account ? await countOf(db, `SELECT count(*) AS n FROM api_token WHERE user_id = $1${scope}`, [t.id, ...(scope ? [municipalityId] : [])]) : 0,
    twoFactor: t.kind === 'account' ? await countOf(db, 'SELECT count(*) AS n FROM two_factor WHERE user_id = $1', [t.id]) : 0,
    savedSearches: account ? await countOf(db, `SELECT count(*) AS n FROM saved_search WHERE owner_id = $1${scope}`, [t.id, ...(scope ? [municipalityId] : [])]) : 0,
    notifications: account
      ? await countOf(db, `SELECT (SELECT count(*) FROM notification WHERE user_id = $1${scope})
          + (SELECT count(*) FROM mail_outbox WHERE user_id = $1${scope}) AS n`, [t.id, ...(scope ? [municipalityId] : [])])
      : 0,
    dots: participants.length ? await countOf(db, 'SELECT count(*) AS n FROM dot WHERE municipality_id = $1 AND participant_id = ANY($2::uuid[])', [municipalityId, participants]) : 0,
    scores: account ? await countOf(db, 'SELECT count(*) AS n FROM priority_score WHERE municipality_id = $1 AND rater_id = $2', [municipalityId, t.id]) : 0,
  };
  return { participants, mentions, results, decisions, counts };
}

const summaryOf = (t: Target, counts: Counts): ErasureSummary => ({
  kind: t.kind, name: t.name, pseudonym: t.pseudonym, otherMunicipalities: t.otherMunicipalities, counts, erasedAt: t.erasedAt,
});

export async function accountErasureSummary(db: Db, secret: string, actor: Actor, userId: string): Promise<ErasureSummary> {
  const t = await accountTarget(db, secret, actor.municipalityId, userId);
  return summaryOf(t, (await plan(db, actor.municipalityId, t)).counts);
}

export async function guestErasureSummary(db: Db, secret: string, actor: Actor, workshopId: string, participantId: string): Promise<ErasureSummary> {
  const t = await guestTarget(db, secret, actor.municipalityId, workshopId, participantId);
  return summaryOf(t, (await plan(db, actor.municipalityId, t)).counts);
}

function confirm(t: Target, confirmName: string) {
  if (t.erasedAt) throw new AppError(409, 'already_erased', 'already_erased');
  if (normalise(confirmName) !== normalise(t.name)) throw new AppError(400, 'erasure_confirmation_mismatch', 'erasure_confirmation_mismatch', [{ path: ['confirmName'], message: 'Name stimmt nicht' }]);
}

/** Replaces the person in the municipality's records and writes the "erasure" event (which names only the pseudonym). */
async function apply(t: Db, secret: string, municipalityId: string, target: Target, who: { userId: string | null; userName: string | null }, extra: Record<string, unknown> = {}) {
  const p = await plan(t, municipalityId, target);
  await t.query(`SELECT set_config('rf.audit_erasure', 'on', true)`);
  if (target.kind !== 'guest') {
    await t.query('UPDATE audit_event SET actor_name = $3 WHERE municipality_id = $1 AND actor_id = $2', [municipalityId, target.id, target.pseudonym]);
    await t.query('UPDATE priority_decision SET created_by_name = $3 WHERE municipality_id = $1 AND created_by = $2', [municipalityId, target.id, target.pseudonym]);
    await t.query('UPDATE measure_relation SET created_by_name = $3 WHERE municipality_id = $1 AND created_by = $2', [municipalityId, target.id, target.pseudonym]);
    await t.query('UPDATE funding_change SET actor_name = $3 WHERE municipality_id = $1 AND actor_name = $2', [municipalityId, target.name, target.pseudonym]);
  }
  for (const m of p.mentions) await t.query('UPDATE audit_event SET changes = $2::jsonb WHERE id = $1', [m.id, JSON.stringify(m.changes)]);
  for (const r of p.results) await t.query('UPDATE vote_round SET result = $2::jsonb WHERE id = $1', [r.id, JSON.stringify(r.result)]);
  for (const d of p.decisions) {
    await t.query('UPDATE vote_round SET decision = $2::jsonb, decision_history = $3::jsonb WHERE id = $1', [d.id, d.decision == null ? null : JSON.stringify(d.decision), JSON.stringify(d.history)]);
  }
  if (p.participants.length) {
    // The device cookie and the personal code would let someone tie the pseudonym to a phone again.
    await t.query(
      `UPDATE participant SET name = $2, device_hash = CASE WHEN user_id IS NULL THEN NULL ELSE device_hash END,
         personal_code = NULL, erased_at = now() WHERE id = ANY($1::uuid[])`,
      [p.participants, target.pseudonym],
    );
    await t.query('DELETE FROM named_device WHERE participant_id = ANY($1::uuid[])', [p.participants]);
  }
  if (target.kind === 'account') {
    await t.query('DELETE FROM session WHERE user_id = $1', [target.id]);
    await t.query('DELETE FROM api_token WHERE user_id = $1', [target.id]);
    await t.query('DELETE FROM sign_in_pending WHERE user_id = $1', [target.id]);
    await t.query('DELETE FROM two_factor_recovery WHERE user_id = $1', [target.id]);
    await t.query('DELETE FROM two_factor WHERE user_id = $1', [target.id]);
    await t.query('DELETE FROM saved_search WHERE owner_id = $1', [target.id]);
    // Single sign-on must not find the account again by the provider's subject; mails hold the address.
    await t.query('DELETE FROM sso_identity WHERE user_id = $1', [target.id]);
    await t.query('DELETE FROM notification WHERE user_id = $1', [target.id]);
    await t.query('DELETE FROM notification_preference WHERE user_id = $1', [target.id]);
    await t.query('DELETE FROM mail_outbox WHERE user_id = $1', [target.id]);
    await t.query(`UPDATE membership SET role = 'reader', department_id = NULL WHERE user_id = $1`, [target.id]);
    await t.query('UPDATE app_user SET name = $2, email = $3, password_hash = NULL, erased_at = now() WHERE id = $1', [target.id, target.pseudonym, erasedEmail(secret, target.id)]);
  } else if (target.kind === 'account_in_municipality') {
    await t.query('DELETE FROM session WHERE user_id = $1 AND municipality_id = $2', [target.id, municipalityId]);
    await t.query('DELETE FROM api_token WHERE user_id = $1 AND municipality_id = $2', [target.id, municipalityId]);
    await t.query('DELETE FROM sign_in_pending WHERE user_id = $1 AND municipality_id = $2', [target.id, municipalityId]);
    await t.query('DELETE FROM saved_search WHERE owner_id = $1 AND municipality_id = $2', [target.id, municipalityId]);
    await t.query('DELETE FROM sso_identity WHERE user_id = $1 AND provider_id IN (SELECT id FROM sso_provider WHERE municipality_id = $2)', [target.id, municipalityId]);
    await t.query('DELETE FROM notification WHERE user_id = $1 AND municipality_id = $2', [target.id, municipalityId]);
    await t.query('DELETE FROM mail_outbox WHERE user_id = $1 AND municipality_id = $2', [target.id, municipalityId]);
    await t.query('DELETE FROM membership WHERE user_id = $1 AND municipality_id = $2', [target.id, municipalityId]);
  }
  await t.query(
    `INSERT INTO audit_event (municipality_id, entity_type, entity_id, action, actor_id, actor_name, changes) VALUES ($1, $2, $3, 'erasure', $4, $5, $6)`,
    [municipalityId, target.kind === 'guest' ? 'participant' : 'account', target.id, who.userId, who.userName,
      JSON.stringify({ kind: target.kind, pseudonym: target.pseudonym, ...p.counts, ...extra })],
  );
  return p.counts;
}

export async function eraseAccount(db: Db, secret: string, actor: Actor, userId: string, confirmName: string): Promise<ErasureSummary> {
  if (userId === actor.userId) throw new AppError(409, 'erasure_self', 'erasure_self');
  return db.tx(async (t) => {
    // The municipality row first (as every role change does), so two admins cannot each remove the other admin.
    await t.query('SELECT 1 FROM municipality WHERE id = $1 FOR UPDATE', [actor.municipalityId]);
    const target = await accountTarget(t, secret, actor.municipalityId, userId, true);
    confirm(target, confirmName);
    const [{ others }] = await t.query<{ others: number }>(
      `SELECT count(*)::int AS others FROM membership WHERE municipality_id = $1 AND role = 'admin' AND user_id <> $2`, [actor.municipalityId, userId],
    );
    if (others === 0) throw conflict('conflict.last_admin');
    const counts = await apply(t, secret, actor.municipalityId, target, actor);
    return summaryOf({ ...target, erasedAt: new Date().toISOString() }, counts);
  });
}

export async function eraseGuest(db: Db, secret: string, actor: Actor, workshopId: string, participantId: string, confirmName: string): Promise<ErasureSummary> {
  return db.tx(async (t) => {
    const target = await guestTarget(t, secret, actor.municipalityId, workshopId, participantId, true);
    confirm(target, confirmName);
    const counts = await apply(t, secret, actor.municipalityId, target, actor);
    return summaryOf({ ...target, erasedAt: new Date().toISOString() }, counts);
  });
}

/** For the retention job: erases one guest without confirmation, as the system (no actor). Already erased: nothing. */
export async function eraseGuestAutomatically(db: Db, secret: string, municipalityId: string, workshopId: string, participantId: string, retentionDays: number) {
  return db.tx(async (t) => {
    const target = await guestTarget(t, secret, municipalityId, workshopId, participantId, true);
    if (target.erasedAt) return false;
    await apply(t, secret, municipalityId, target, { userId: null, userName: null }, { automatic: true, retentionDays });
    return true;
  });
}
