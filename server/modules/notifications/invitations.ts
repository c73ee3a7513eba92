/**
 * Invitations into a municipality for people who already have an account (issue 14): an admin adding
 * an existing account of another municipality must neither learn the person's name nor add them
 * without consent. The invitation is a notification of kind `membership_invitation` to that person
 * (mailed through the outbox like any other); it is not bound to the person's current municipality, and
 * the person accepts or declines it after signing in. It is valid for 14 days; accepting creates the
 * membership with the role the admin chose (audited in the inviting municipality).
 */
import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { Role } from '../../../contract/common';
import type { Invitation } from '../../../contract/notifications';
import { ROLE_LABELS } from '../../../domain/labels';
import { notFound } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { KINDS } from './kinds';

const VALID = '14 days';
const KIND = 'membership_invitation';

/** Writes (or renews) the person's pending invitation into the admin's municipality. Call in the adding transaction. */
export async function invite(t: Db, actor: Actor, userId: string, role: Role, departmentId: string | null) {
  const [m] = await t.query<{ name: string; department: string | null }>(
    'SELECT mu.name, d.name AS department FROM municipality mu LEFT JOIN department d ON d.municipality_id = mu.id AND d.id = $2 WHERE mu.id = $1',
    [actor.municipalityId, departmentId],
  );
  const params = {
    municipality: m.name, invitedBy: actor.userName, role, departmentId, department: m.department,
    roleDe: ROLE_LABELS[role]?.de ?? role, roleEn: ROLE_LABELS[role]?.en ?? role,
  };
  // a pending invitation is renewed (new role, new 14 days), never doubled
  const renewed = await t.query(
    `UPDATE notification SET params = $4::jsonb, created_at = now()
      WHERE municipality_id = $1 AND user_id = $2 AND kind = $3 AND read_at IS NULL AND created_at > now() - interval '${VALID}'
      RETURNING id`,
    [actor.municipalityId, userId, KIND, JSON.stringify(params)],
  );
  if (!renewed.length) {
    await t.query(
      `INSERT INTO notification (municipality_id, user_id, kind, params, link, mail_state)
       SELECT $1, $2, $3, $4::jsonb, '/notifications',
              CASE coalesce(p.mode, $5) WHEN 'off' THEN NULL ELSE coalesce(p.mode, $5) END
         FROM (SELECT 1) x LEFT JOIN notification_preference p ON p.user_id = $2 AND p.kind = $3`,
      [actor.municipalityId, userId, KIND, JSON.stringify(params), KINDS.membership_invitation.default],
    );
  }
  // the trail names the invitation, not the person (the admin does not learn who holds the address)
  await recordAudit(t, actor, { entityType: 'invitation', entityId: userId, action: 'create', before: null, after: { role, departmentId } });
}

interface Row { id: string; municipalityId: string; params: Record<string, unknown>; createdAt: Date }

/** The person's pending invitations, in every municipality. */
export async function listInvitations(db: Db, userId: string): Promise<Invitation[]> {
  const rows = await db.query<Row>(
    `SELECT n.id, n.municipality_id AS "municipalityId", n.params, n.created_at AS "createdAt" FROM notification n
      WHERE n.user_id = $1 AND n.kind = $2 AND n.read_at IS NULL AND n.created_at > now() - interval '${VALID}'
        AND NOT EXISTS (SELECT 1 FROM membership ms WHERE ms.municipality_id = n.municipality_id AND ms.user_id = n.user_id)
      ORDER BY n.created_at DESC`,
    [userId, KIND],
  );
  return rows.map((r) => ({
    id: r.id,
    municipalityId: r.municipalityId,
    municipalityName: String(r.params.municipality ?? ''),
    role: r.params.role as Invitation['role'],
    departmentName: (r.params.department as string | null) ?? null,
    invitedBy: String(r.params.invitedBy ?? ''),
    createdAt: new Date(r.createdAt).toISOString(),
  }));
}

/** Accepts one's own pending invitation: the membership is created now. Another person's, an old or used one: 404. */
export async function acceptInvitation(db: Db, actor: Actor, id: string): Promise<{ municipalityId: string }> {
  return db.tx(async (t) => {
    const [row] = await t.query<Row>(
      `SELECT id, municipality_id AS "municipalityId", params, created_at AS "createdAt" FROM notification
        WHERE id = $1 AND user_id = $2 AND kind = $3 AND read_at IS NULL AND created_at > now() - interval '${VALID}' FOR UPDATE`,
      [id, actor.userId, KIND],
    );
    if (!row) throw notFound('entry');
    const role = row.params.role as Role;
    // the department may have been deleted meanwhile: then the person joins without one
    const [dept] = row.params.departmentId
      ? await t.query<{ id: string }>('SELECT id FROM department WHERE municipality_id = $1 AND id = $2', [row.municipalityId, row.params.departmentId])
      : [];
    const added = await t.query(
      `INSERT INTO membership (municipality_id, user_id, role, department_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (municipality_id, user_id) DO NOTHING RETURNING user_id`,
      [row.municipalityId, actor.userId, role, dept?.id ?? null],
    );
    await t.query('UPDATE notification SET read_at = now(), mail_state = NULL WHERE id = $1', [id]);
    if (added.length) {
      await recordAudit(t, { ...actor, municipalityId: row.municipalityId }, {
        entityType: 'membership', entityId: actor.userId, action: 'create', before: null, after: { angenommen: true, role, departmentId: dept?.id ?? null },
      });
    }
    return { municipalityId: row.municipalityId };
  });
}

export async function declineInvitation(db: Db, actor: Actor, id: string) {
  const rows = await db.query(
    `UPDATE notification SET read_at = now(), mail_state = NULL WHERE id = $1 AND user_id = $2 AND kind = $3 AND read_at IS NULL RETURNING id`,
    [id, actor.userId, KIND],
  );
  if (!rows.length) throw notFound('entry');
}
