import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { AuditAction } from '../../../contract/audit';

type AccountAction = Extract<AuditAction, 'sign_in' | 'sign_in_failed' | 'sign_out' | 'session_end' | 'two_factor_on' | 'two_factor_off'>;

/**
 * Records an event of an account (sign-in, failed sign-in, two-factor on/off) in the audit trail of every
 * municipality the account belongs to — an account is not one municipality's, and each admin sees what
 * happened to their members. With `municipalityId` only in that one (e.g. a sign-out: the session's).
 * The entity is the account (`entityType` 'account', its id); `details` holds no secrets.
 */
export async function recordAccountEvent(
  db: Db,
  userId: string,
  action: AccountAction,
  details: Record<string, unknown> = {},
  municipalityId?: string,
) {
  await db.query(
    `INSERT INTO audit_event (municipality_id, entity_type, entity_id, action, actor_id, actor_name, changes)
     SELECT m.municipality_id, 'account', u.id::text, $2, u.id, u.name, $3::jsonb
     FROM app_user u JOIN membership m ON m.user_id = u.id
     WHERE u.id = $1 AND ($4::uuid IS NULL OR m.municipality_id = $4)`,
    [userId, action, JSON.stringify(details), municipalityId ?? null],
  );
}

/**
 * Records a download that holds personal data (a workshop protocol with participants' names, the audit
 * trail itself): who took what, with which filter. Call it when the file is made, before it is sent.
 */
export async function recordExport(
  db: Db,
  actor: Pick<Actor, 'userId' | 'userName' | 'municipalityId'>,
  e: { entityType: string; entityId: string; details: Record<string, unknown> },
) {
  await db.query(
    `INSERT INTO audit_event (municipality_id, entity_type, entity_id, action, actor_id, actor_name, changes)
     VALUES ($1, $2, $3, 'export', $4, $5, $6)`,
    [actor.municipalityId, e.entityType, e.entityId, actor.userId, actor.userName, JSON.stringify(e.details)],
  );
}
