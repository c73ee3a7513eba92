import type { Db } from '../../db/client';
import { startDailyJob, type JobLog } from '../../daily-job';
import { DEFAULT_GUEST_RETENTION_DAYS } from './privacy.service';
import { eraseGuestAutomatically } from './erasure.service';

/**
 * Erases the names of workshop guests whose workshop ended more than the municipality's retention period
 * ago (privacy_settings.guest_retention_days, 90 days by default; 0 = never). A workshop's end is its
 * `ends_on`, else its `starts_on`; a workshop without dates is never due (nothing says when it ended).
 *
 * Idempotent and safe with several instances: each guest is erased in its own transaction after locking
 * its row and finding it not yet erased, so a guest erased by another instance meanwhile is skipped.
 */
export async function eraseExpiredGuests(db: Db, secret: string, now = new Date()): Promise<number> {
  const due = await db.query<{ municipality_id: string; workshop_id: string; id: string; days: number }>(
    `SELECT p.municipality_id, p.workshop_id, p.id, coalesce(s.guest_retention_days, $2::int) AS days
     FROM participant p JOIN workshop w ON w.id = p.workshop_id
     LEFT JOIN privacy_settings s ON s.municipality_id = p.municipality_id
     WHERE p.user_id IS NULL AND p.erased_at IS NULL AND coalesce(w.ends_on, w.starts_on) IS NOT NULL
       AND coalesce(s.guest_retention_days, $2::int) > 0
       AND coalesce(w.ends_on, w.starts_on) + coalesce(s.guest_retention_days, $2::int) < ($1::timestamptz AT TIME ZONE 'Europe/Berlin')::date
     ORDER BY p.municipality_id, p.workshop_id LIMIT 5000`,
    [now.toISOString(), DEFAULT_GUEST_RETENTION_DAYS],
  );
  let erased = 0;
  for (const g of due) {
    if (await eraseGuestAutomatically(db, secret, g.municipality_id, g.workshop_id, g.id, g.days)) erased++;
  }
  return erased;
}

/** At start and then once a day, inside the server process; failures are logged and retried the next day. */
export function startRetentionJob(db: Db, secret: string, log: JobLog) {
  return startDailyJob('erasing workshop guests after their retention period', () => eraseExpiredGuests(db, secret), log, 'workshop guests erased after their retention period');
}
