import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { SecuritySettings } from '../../../contract/security';
import { AppError, versionConflict } from '../../errors';
import { isTwoFactorOn } from './two-factor.service';
import { recordAudit } from '../audit/audit.service';

export async function getSecuritySettings(db: Db, municipalityId: string): Promise<SecuritySettings> {
  const [row] = await db.query<{ require_admin_two_factor: boolean; version: number }>(
    'SELECT require_admin_two_factor, version FROM security_settings WHERE municipality_id = $1',
    [municipalityId],
  );
  // No row yet = the defaults, at version 1 (the row is created by the first save).
  return { requireAdminTwoFactor: Boolean(row?.require_admin_two_factor), version: row?.version ?? 1 };
}

export async function saveSecuritySettings(db: Db, actor: Actor, input: { requireAdminTwoFactor: boolean; version: number }): Promise<SecuritySettings> {
  return db.tx(async (t) => {
    await t.query('INSERT INTO security_settings (municipality_id) VALUES ($1) ON CONFLICT DO NOTHING', [actor.municipalityId]);
    const [row] = await t.query<{ require_admin_two_factor: boolean; version: number }>(
      'SELECT require_admin_two_factor, version FROM security_settings WHERE municipality_id = $1 FOR UPDATE',
      [actor.municipalityId],
    );
    const before = { requireAdminTwoFactor: row.require_admin_two_factor, version: row.version };
    if (row.version !== input.version) throw versionConflict(before);
    // Whoever requires it must use it: otherwise the admin would lock themselves out of everything but the setup.
    if (input.requireAdminTwoFactor && !(await isTwoFactorOn(t, actor.userId))) throw new AppError(409, 'two_factor_needed_first');
    const [saved] = await t.query<{ version: number }>(
      'UPDATE security_settings SET require_admin_two_factor = $2, version = version + 1 WHERE municipality_id = $1 RETURNING version',
      [actor.municipalityId, input.requireAdminTwoFactor],
    );
    const after = { requireAdminTwoFactor: input.requireAdminTwoFactor, version: saved.version };
    await recordAudit(t, actor, { entityType: 'securitySettings', entityId: actor.municipalityId, action: 'update', before, after });
    return after;
  });
}
