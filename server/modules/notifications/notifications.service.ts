import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import { notFound, AppError } from '../../errors';
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationMode, type NotificationPage, type NotificationPreferences, type OutboxPage, type OutboxStatus } from '../../../contract/notifications';
import { KINDS, renderTitle, type Lang } from './kinds';
import type { UnsubscribeTarget } from './unsubscribe-token';

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

export async function listNotifications(db: Db, actor: Actor, q: { page: number; pageSize: number; unread: boolean }, lang: Lang): Promise<NotificationPage> {
  const where = `user_id = $1 AND municipality_id = $2${q.unread ? ' AND read_at IS NULL' : ''}`;
  const [rows, [{ total, unread, invitations }]] = await Promise.all([
    db.query<{ id: string; kind: string; params: Record<string, unknown>; link: string | null; createdAt: Date; readAt: Date | null }>(
      `SELECT id, kind, params, link, created_at AS "createdAt", read_at AS "readAt" FROM notification WHERE ${where}
        ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`,
      [actor.userId, actor.municipalityId, q.pageSize, (q.page - 1) * q.pageSize],
    ),
    db.query<{ total: number; unread: number; invitations: number }>(
      `SELECT (SELECT count(*)::int FROM notification WHERE ${where}) AS total,
              (SELECT count(*)::int FROM notification WHERE user_id = $1 AND municipality_id = $2 AND read_at IS NULL) AS unread,
              (SELECT count(*)::int FROM notification n WHERE n.user_id = $1 AND n.kind = 'membership_invitation' AND n.read_at IS NULL
                  AND n.created_at > now() - interval '14 days'
                  AND NOT EXISTS (SELECT 1 FROM membership ms WHERE ms.municipality_id = n.municipality_id AND ms.user_id = n.user_id)) AS invitations`,
      [actor.userId, actor.municipalityId],
    ),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as NotificationKind,
      title: renderTitle(r.kind, r.params, lang),
      link: r.link,
      createdAt: iso(r.createdAt)!,
      readAt: iso(r.readAt),
    })),
    total: Number(total),
    unread: Number(unread),
    invitations: Number(invitations),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function unreadCount(db: Db, actor: Actor): Promise<number> {
  const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND municipality_id = $2 AND read_at IS NULL', [
    actor.userId, actor.municipalityId,
  ]);
  return Number(n);
}

/** Marks one of the person's own notifications read (another person's or municipality's: 404). */
export async function markRead(db: Db, actor: Actor, id: string): Promise<number> {
  const rows = await db.query('UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 AND municipality_id = $3 RETURNING id', [
    id, actor.userId, actor.municipalityId,
  ]);
  if (!rows.length) throw notFound('entry');
  return unreadCount(db, actor);
}

export async function markAllRead(db: Db, actor: Actor): Promise<number> {
  await db.query('UPDATE notification SET read_at = now() WHERE user_id = $1 AND municipality_id = $2 AND read_at IS NULL', [actor.userId, actor.municipalityId]);
  return 0;
}

export async function getPreferences(db: Db, userId: string, mailEnabled: boolean): Promise<NotificationPreferences> {
  const rows = await db.query<{ kind: string; mode: NotificationMode }>('SELECT kind, mode FROM notification_preference WHERE user_id = $1', [userId]);
  const chosen = new Map(rows.map((r) => [r.kind, r.mode]));
  return {
    preferences: NOTIFICATION_KINDS.map((kind) => ({ kind, mode: chosen.get(kind) ?? KINDS[kind].default, default: KINDS[kind].default, emitted: KINDS[kind].emitted })),
    mailEnabled,
  };
}

/** Preferences are the person's own (they apply in every municipality the person belongs to). */
export async function setPreferences(db: Db, userId: string, prefs: { kind: NotificationKind; mode: NotificationMode }[]) {
  const seen = new Set<string>();
  for (const p of prefs) {
    if (seen.has(p.kind)) throw new AppError(400, 'validation_failed', 'validation_failed.duplicate_kind', [{ path: ['preferences'], message: p.kind }]);
    seen.add(p.kind);
  }
  await db.tx(async (t) => {
    for (const p of prefs) {
      await t.query(
        `INSERT INTO notification_preference (user_id, kind, mode) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, kind) DO UPDATE SET mode = EXCLUDED.mode, updated_at = now()`,
        [userId, p.kind, p.mode],
      );
      // what is still waiting to be mailed follows the new choice
      await t.query(
        `UPDATE notification SET mail_state = $3 WHERE user_id = $1 AND kind = $2 AND mail_state IS NOT NULL`,
        [userId, p.kind, p.mode === 'off' ? null : p.mode],
      );
    }
  });
}

/**
 * The one-click unsubscribe: the kind goes off for the person (`digest`: every kind now in the digest).
 * Idempotent. Returns the kinds switched off.
 */
export async function unsubscribe(db: Db, userId: string, target: UnsubscribeTarget): Promise<NotificationKind[]> {
  const [user] = await db.query('SELECT 1 FROM app_user WHERE id = $1', [userId]);
  if (!user) return [];
  const prefs = await getPreferences(db, userId, true);
  const kinds = target === 'digest' ? prefs.preferences.filter((p) => p.mode === 'digest').map((p) => p.kind) : [target];
  await setPreferences(db, userId, kinds.map((kind) => ({ kind, mode: 'off' as const })));
  return kinds;
}

export async function listOutbox(db: Db, actor: Actor, q: { status?: OutboxStatus; page: number; pageSize: number }, mailEnabled: boolean): Promise<OutboxPage> {
  const where = `municipality_id = $1${q.status ? ' AND status = $4' : ''}`;
  const params: unknown[] = [actor.municipalityId, q.pageSize, (q.page - 1) * q.pageSize, ...(q.status ? [q.status] : [])];
  const [rows, [{ total, failed }]] = await Promise.all([
    db.query<{ id: string; kind: string; recipient: string; subject: string; status: OutboxStatus; attempts: number; nextAttemptAt: Date; lastError: string | null; createdAt: Date; sentAt: Date | null }>(
      `SELECT id, kind, recipient, subject, status, attempts, next_attempt_at AS "nextAttemptAt", last_error AS "lastError",
              created_at AS "createdAt", sent_at AS "sentAt"
         FROM mail_outbox WHERE ${where} ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
      params,
    ),
    db.query<{ total: number; failed: number }>(
      `SELECT (SELECT count(*)::int FROM mail_outbox WHERE ${where.replace('$4', '$2')}) AS total,
              (SELECT count(*)::int FROM mail_outbox WHERE municipality_id = $1 AND status = 'failed') AS failed`,
      [actor.municipalityId, ...(q.status ? [q.status] : [])],
    ),
  ]);
  return {
    items: rows.map((r) => ({ ...r, attempts: Number(r.attempts), nextAttemptAt: r.status === 'pending' ? iso(r.nextAttemptAt) : null, createdAt: iso(r.createdAt)!, sentAt: iso(r.sentAt) })),
    total: Number(total),
    failed: Number(failed),
    mailEnabled,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** An admin sends a given-up mail again: it is due at once, with a fresh count of attempts. Only `failed` ones (else 409). */
export async function retryOutbox(db: Db, actor: Actor, id: string) {
  const [row] = await db.query<{ status: string }>('SELECT status FROM mail_outbox WHERE id = $1 AND municipality_id = $2', [id, actor.municipalityId]);
  if (!row) throw notFound('entry');
  const updated = await db.query(
    `UPDATE mail_outbox SET status = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL WHERE id = $1 AND municipality_id = $2 AND status = 'failed' RETURNING id`,
    [id, actor.municipalityId],
  );
  if (!updated.length) throw new AppError(409, 'mail_not_failed');
}
