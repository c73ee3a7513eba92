import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { SessionInfo } from '../../../contract/security';
import { notFound } from '../../errors';
import { browserLabel, DEFAULT_IDLE_MINUTES } from '../../../domain/sessions';
import { recordAccountEvent } from '../audit/account-events';

interface Row { id: string; created_at: Date; last_active_at: Date; user_agent: string; address: string; current: boolean }

/** The person's own live sessions (neither expired nor idle too long), the current one first, then by last activity. */
export async function listSessions(db: Db, actor: Actor, idleMinutes = DEFAULT_IDLE_MINUTES): Promise<SessionInfo[]> {
  const rows = await db.query<Row>(
    `SELECT id, created_at, last_active_at, user_agent, address, token_hash = $2 AS current FROM session
     WHERE user_id = $1 AND expires_at > now() AND last_active_at > now() - make_interval(mins => $3)
     ORDER BY token_hash = $2 DESC, last_active_at DESC`,
    [actor.userId, actor.sessionHash, idleMinutes],
  );
  return rows.map((r) => ({
    id: r.id,
    createdAt: new Date(r.created_at).toISOString(),
    lastActiveAt: new Date(r.last_active_at).toISOString(),
    browser: browserLabel(r.user_agent),
    address: r.address,
    current: r.current,
  }));
}

/** Ends one of the person's sessions (another person's id is not found). */
export async function endSession(db: Db, actor: Actor, id: string) {
  await db.tx(async (t) => {
    const [row] = await t.query<{ municipality_id: string }>('DELETE FROM session WHERE id = $1 AND user_id = $2 RETURNING municipality_id', [id, actor.userId]);
    if (!row) throw notFound('session');
    await recordAccountEvent(t, actor.userId, 'session_end', { sessions: 1 }, actor.municipalityId);
  });
}

/** Ends all the person's sessions but the current one; returns how many. */
export async function endOtherSessions(db: Db, actor: Actor): Promise<number> {
  return db.tx(async (t) => {
    const rows = await t.query('DELETE FROM session WHERE user_id = $1 AND token_hash <> $2 RETURNING 1', [actor.userId, actor.sessionHash]);
    if (rows.length) await recordAccountEvent(t, actor.userId, 'session_end', { sessions: rows.length }, actor.municipalityId);
    return rows.length;
  });
}
