import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import { notFound, versionConflict } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import type { PrivacyNotice, PrivacySettings } from '../../../contract/privacy';

/** Used until an admin saves the settings: names of guests are kept 90 days after the workshop. */
export const DEFAULT_GUEST_RETENTION_DAYS = 90;

interface Row { notice: string; notice_updated_at: Date | null; guest_retention_days: number; version: number }
const toSettings = (r: Row | undefined): PrivacySettings => ({
  notice: r?.notice ?? '',
  noticeUpdatedAt: r?.notice_updated_at ? new Date(r.notice_updated_at).toISOString() : null,
  guestRetentionDays: r?.guest_retention_days ?? DEFAULT_GUEST_RETENTION_DAYS,
  version: r?.version ?? 1,
});

export async function getPrivacySettings(db: Db, municipalityId: string): Promise<PrivacySettings> {
  const [r] = await db.query<Row>('SELECT notice, notice_updated_at, guest_retention_days, version FROM privacy_settings WHERE municipality_id = $1', [municipalityId]);
  return toSettings(r);
}

export async function updatePrivacySettings(db: Db, actor: Actor, input: { notice: string; guestRetentionDays: number; version: number }): Promise<PrivacySettings> {
  return db.tx(async (t) => {
    // The row is created on first use; its version starts at 1 like the settings read before it existed.
    await t.query('INSERT INTO privacy_settings (municipality_id) VALUES ($1) ON CONFLICT DO NOTHING', [actor.municipalityId]);
    const [cur] = await t.query<Row>('SELECT notice, notice_updated_at, guest_retention_days, version FROM privacy_settings WHERE municipality_id = $1 FOR UPDATE', [actor.municipalityId]);
    if (cur.version !== input.version) throw versionConflict(toSettings(cur));
    const notice = input.notice.replace(/\r\n?/g, '\n');
    await t.query(
      `UPDATE privacy_settings SET notice = $2, guest_retention_days = $3, version = version + 1,
         notice_updated_at = CASE WHEN notice IS DISTINCT FROM $2 THEN now() ELSE notice_updated_at END
       WHERE municipality_id = $1`,
      [actor.municipalityId, notice, input.guestRetentionDays],
    );
    await recordAudit(t, actor, {
      entityType: 'privacySettings', entityId: actor.municipalityId, action: 'update',
      before: { notice: cur.notice, guestRetentionDays: cur.guest_retention_days },
      after: { notice, guestRetentionDays: input.guestRetentionDays },
    });
    return getPrivacySettings(t, actor.municipalityId);
  });
}

/** The public privacy page of a municipality (no sign-in): an unknown id is 404 as any other. */
export async function getPrivacyNotice(db: Db, municipalityId: string): Promise<PrivacyNotice> {
  const [m] = await db.query<{ name: string }>('SELECT name FROM municipality WHERE id = $1', [municipalityId]);
  if (!m) throw notFound('municipality');
  const s = await getPrivacySettings(db, municipalityId);
  return { municipalityId, municipalityName: m.name, notice: s.notice, noticeUpdatedAt: s.noticeUpdatedAt, guestRetentionDays: s.guestRetentionDays };
}
