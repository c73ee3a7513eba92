/**
 * The mail outbox and its worker. Every e-mail of the app is a row in `mail_outbox` first:
 *
 * 1. `enqueueImmediate` turns notifications due "at once" into outbox rows, `enqueueDigests` bundles the
 *    notifications due in the daily digest (once per person, municipality and Berlin day, from the
 *    configured hour on). Both lock the notifications they take (FOR UPDATE SKIP LOCKED) and write the
 *    mail under a unique idempotency key in the same transaction, so one event never makes two mails.
 * 2. `deliverDue` claims due rows by one UPDATE (status pending → sending, a lease, attempts + 1) over a
 *    FOR UPDATE SKIP LOCKED sub-select, committed BEFORE the SMTP conversation: two instances on one
 *    PostgreSQL never claim the same row. After the server accepted the mail the row becomes `sent`; a
 *    refused or broken send goes back to `pending` with a growing pause (1 min, 5 min, 30 min, 2 h) and is
 *    given up (`failed`) after the last one, or at once on a permanent 5xx answer.
 * 3. The one case that cannot be decided is a claim whose lease ran out while still `sending`: the
 *    instance died, or the mail was accepted but recording `sent` failed. The mail may have been
 *    delivered, so it is NOT sent again blindly: it becomes `failed` with that reason, and the admin
 *    decides in the outbox view (retry). Each mail carries a Message-ID fixed per row, so a receiving
 *    server that drops duplicate IDs drops such a copy too.
 */
import type { Db } from '../../db/client';
import { berlinToday } from '../funding/deadlines.service';
import { composeDigestMail, composeNotificationMail, type ComposedMail } from './mail';
import type { Mailer } from './mailer';
import { unsubscribeToken } from './unsubscribe-token';
import type { Lang } from './kinds';

export const BACKOFF_MINUTES = [1, 5, 30, 120];
/** the first try plus one after each pause */
export const MAX_ATTEMPTS = BACKOFF_MINUTES.length + 1;
const LEASE = '10 minutes';
/** notifications older than this are not mailed any more (e.g. when SMTP was configured later) */
const MAX_AGE = '7 days';
export const UNKNOWN_OUTCOME = 'Unterbrochen während des Sendens: Die E-Mail wurde möglicherweise zugestellt. Nicht automatisch wiederholt.';

export interface OutboxOptions {
  /** SESSION_SECRET: signs the unsubscribe tokens */
  secret: string;
  /** absolute base of links, e.g. https://isek.musterstadt.de */
  baseUrl: string;
  /** hour of the day (Europe/Berlin) from which the daily digest goes out */
  digestHour: number;
  /** default: now (tests pass a time to test the digest hour) */
  now?: Date;
  batch?: number;
  log?: { warn: (obj: object, msg: string) => void };
}

interface Pending {
  id: string; municipalityId: string; userId: string; kind: string; params: Record<string, unknown>; link: string | null;
  mail: { subject: string; text: string; html?: string } | null; email: string; userName: string; locale: string; municipalityName: string;
}
const PENDING = `n.id, n.municipality_id AS "municipalityId", n.user_id AS "userId", n.kind, n.params, n.link, n.mail,
  u.email, u.name AS "userName", u.locale, mu.name AS "municipalityName"
  FROM notification n JOIN app_user u ON u.id = n.user_id JOIN municipality mu ON mu.id = n.municipality_id`;

const langOf = (locale: string): Lang => (locale === 'en' ? 'en' : 'de');
export const unsubscribeUrl = (o: Pick<OutboxOptions, 'secret' | 'baseUrl'>, userId: string, kind: Parameters<typeof unsubscribeToken>[2]) =>
  `${o.baseUrl}/api/v1/notifications/unsubscribe?token=${unsubscribeToken(o.secret, userId, kind)}`;

async function insertMail(t: Db, key: string, p: { municipalityId: string; userId: string; kind: string; email: string }, m: ComposedMail): Promise<boolean> {
  const rows = await t.query(
    `INSERT INTO mail_outbox (municipality_id, user_id, kind, recipient, subject, text_body, html_body, headers, idempotency_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [p.municipalityId, p.userId, p.kind, p.email, m.subject, m.text, m.html, JSON.stringify(m.headers), key],
  );
  return rows.length > 0;
}

/** Notifications due at once → outbox rows. Returns how many mails were written. */
export async function enqueueImmediate(db: Db, o: OutboxOptions): Promise<number> {
  await db.query(`UPDATE notification SET mail_state = NULL WHERE mail_state IS NOT NULL AND created_at < now() - interval '${MAX_AGE}'`);
  return db.tx(async (t) => {
    const due = await t.query<Pending>(
      `SELECT ${PENDING} WHERE n.mail_state = 'immediate' ORDER BY n.created_at LIMIT ${o.batch ?? 200} FOR UPDATE OF n SKIP LOCKED`,
    );
    let written = 0;
    for (const n of due) {
      const mail = composeNotificationMail(n, {
        baseUrl: o.baseUrl, unsubscribeUrl: unsubscribeUrl(o, n.userId, n.kind as never), municipalityName: n.municipalityName, userName: n.userName, lang: langOf(n.locale),
      });
      if (await insertMail(t, `notification:${n.id}`, n, mail)) written++;
    }
    if (due.length) await t.query('UPDATE notification SET mail_state = NULL WHERE id = ANY($1::uuid[])', [due.map((n) => n.id)]);
    return written;
  });
}

export function berlinHour(now: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', hourCycle: 'h23' }).format(now));
}

/** From the digest hour on: one digest per person and municipality and Berlin day. Returns how many were written. */
export async function enqueueDigests(db: Db, o: OutboxOptions): Promise<number> {
  const now = o.now ?? new Date();
  if (berlinHour(now) < o.digestHour) return 0;
  const day = berlinToday(now);
  const groups = await db.query<{ userId: string; municipalityId: string }>(
    `SELECT DISTINCT user_id AS "userId", municipality_id AS "municipalityId" FROM notification WHERE mail_state = 'digest'`,
  );
  let written = 0;
  for (const g of groups) {
    const key = `digest:${g.userId}:${g.municipalityId}:${day}`;
    written += await db.tx(async (t) => {
      // today's digest went out already: what came later waits for tomorrow's
      if ((await t.query('SELECT 1 FROM mail_outbox WHERE idempotency_key = $1', [key])).length) return 0;
      const items = await t.query<Pending>(
        `SELECT ${PENDING} WHERE n.user_id = $1 AND n.municipality_id = $2 AND n.mail_state = 'digest' ORDER BY n.created_at FOR UPDATE OF n SKIP LOCKED`,
        [g.userId, g.municipalityId],
      );
      if (!items.length) return 0;
      const first = items[0];
      const mail = composeDigestMail(items, {
        baseUrl: o.baseUrl, unsubscribeUrl: unsubscribeUrl(o, g.userId, 'digest'), municipalityName: first.municipalityName, userName: first.userName, lang: langOf(first.locale),
      });
      if (!(await insertMail(t, key, { ...first, kind: 'digest' }, mail))) return 0;
      await t.query('UPDATE notification SET mail_state = NULL WHERE id = ANY($1::uuid[])', [items.map((n) => n.id)]);
      return 1;
    });
  }
  return written;
}

interface Claimed { id: string; recipient: string; subject: string; text: string; html: string | null; headers: Record<string, string>; attempts: number }

const hostOf = (baseUrl: string) => {
  try {
    return new URL(baseUrl).hostname || 'roter-faden.invalid';
  } catch {
    return 'roter-faden.invalid';
  }
};

/** Claims and sends the due mails. Returns what happened to them. */
export async function deliverDue(db: Db, mailer: Mailer, o: OutboxOptions): Promise<{ sent: number; retry: number; failed: number }> {
  await db.query(`UPDATE mail_outbox SET status = 'failed', lease_until = NULL, last_error = $1 WHERE status = 'sending' AND lease_until < now()`, [UNKNOWN_OUTCOME]);
  const claimed = await db.query<Claimed>(
    `UPDATE mail_outbox SET status = 'sending', attempts = attempts + 1, lease_until = now() + interval '${LEASE}'
      WHERE status = 'pending' AND id IN (
        SELECT id FROM mail_outbox WHERE status = 'pending' AND next_attempt_at <= now()
         ORDER BY next_attempt_at, created_at LIMIT ${o.batch ?? 50} FOR UPDATE SKIP LOCKED)
      RETURNING id, recipient, subject, text_body AS text, html_body AS html, headers, attempts`,
  );
  const result = { sent: 0, retry: 0, failed: 0 };
  const host = hostOf(o.baseUrl);
  for (const m of claimed) {
    try {
      await mailer.send({ to: m.recipient, subject: m.subject, text: m.text, html: m.html, headers: m.headers, messageId: `<${m.id}@${host}>` });
    } catch (err) {
      const e = err as { responseCode?: number; message?: string };
      const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500;
      const giveUp = permanent || m.attempts >= MAX_ATTEMPTS;
      const message = String(e.message ?? err).slice(0, 1000);
      await db.query(
        giveUp
          ? `UPDATE mail_outbox SET status = 'failed', lease_until = NULL, last_error = $2 WHERE id = $1 AND status = 'sending'`
          : `UPDATE mail_outbox SET status = 'pending', lease_until = NULL, last_error = $2, next_attempt_at = now() + make_interval(mins => $3) WHERE id = $1 AND status = 'sending'`,
        giveUp ? [m.id, message] : [m.id, message, BACKOFF_MINUTES[m.attempts - 1]],
      );
      o.log?.warn({ err, outboxId: m.id, attempts: m.attempts, giveUp }, 'sending a mail failed');
      result[giveUp ? 'failed' : 'retry']++;
      continue;
    }
    // accepted: record it; a brief database hiccup is retried here, a longer one leaves the row to the
    // lease rule above (failed with "possibly delivered", never sent again on its own)
    for (let i = 0; ; i++) {
      try {
        await db.query(`UPDATE mail_outbox SET status = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL WHERE id = $1 AND status = 'sending'`, [m.id]);
        break;
      } catch (err) {
        if (i >= 2) {
          o.log?.warn({ err, outboxId: m.id }, 'a sent mail could not be recorded as sent');
          break;
        }
        await new Promise((r) => setTimeout(r, 500 * (i + 1)));
      }
    }
    result.sent++;
  }
  return result;
}

/** One pass of the worker: new mails, digests, delivery. */
export async function runOutbox(db: Db, mailer: Mailer, o: OutboxOptions) {
  const immediate = await enqueueImmediate(db, o);
  const digests = await enqueueDigests(db, o);
  const delivered = await deliverDue(db, mailer, o);
  return { immediate, digests, ...delivered };
}
