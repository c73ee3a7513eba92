import type { Db } from '../../db/client';
import { invite } from '../notifications/invitations';
import type { InvitationSent } from '../../../contract/notifications';
import type { Actor } from '../../plugins/actor';
import type { Role } from '../../../contract/common';
import type { UserRow } from '../../../contract/auth';
import { AppError, conflict, forbidden, notFound } from '../../errors';
import { hashNewPassword } from '../auth/passwords';
import { recordAudit } from '../audit/audit.service';
import { assertIdsExist, createDefaultStructure } from '../concept/concept.service';

const SELECT = `SELECT u.id, u.email, u.name, m.role, m.department_id AS "departmentId"
  FROM membership m JOIN app_user u ON u.id = m.user_id WHERE m.municipality_id = $1`;

export const listUsers = (db: Db, municipalityId: string) => db.query<UserRow>(`${SELECT} ORDER BY u.name`, [municipalityId]);

async function getUser(db: Db, municipalityId: string, userId: string): Promise<UserRow> {
  const [row] = await db.query<UserRow>(`${SELECT} AND u.id = $2`, [municipalityId, userId]);
  if (!row) throw notFound('person');
  return row;
}

/** Adds a person to the municipality; a new e-mail creates the account (then a password is required). */
export async function addUser(
  db: Db,
  actor: Actor,
  input: { email: string; name: string; role: Role; departmentId: string | null; password?: string },
): Promise<UserRow | InvitationSent> {
  // A new password must pass the password rules (length, common list, not built on e-mail, name or municipality).
  const passwordHash = input.password ? await hashNewPassword(db, input.password, { email: input.email, name: input.name, municipalityId: actor.municipalityId }) : null;
  return db.tx(async (t) => {
    await assertIdsExist(t, actor.municipalityId, 'department', input.departmentId ? [input.departmentId] : [], 'departmentId');
    let [existing] = await t.query<{ id: string }>('SELECT id FROM app_user WHERE lower(email) = lower($1)', [input.email]);
    if (!existing) {
      if (!passwordHash) throw new AppError(400, 'validation_failed', 'validation_failed.password_required', [{ path: ['password'], message: 'Pflichtfeld für neue Konten' }]);
      [existing] = await t.query<{ id: string }>('INSERT INTO app_user (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id', [input.email, input.name, passwordHash]);
    } else {
      const [member] = await t.query('SELECT 1 FROM membership WHERE municipality_id = $1 AND user_id = $2', [actor.municipalityId, existing.id]);
      if (member) throw conflict({ key: 'conflict.already_member', params: { email: input.email } });
      // An account that exists already (in another municipality) is invited, not added: the admin neither
      // learns the person's name nor makes them a member without their consent (issue 14).
      await invite(t, actor, existing.id, input.role, input.departmentId);
      return { invited: true as const, email: input.email };
    }
    await t.query('INSERT INTO membership (municipality_id, user_id, role, department_id) VALUES ($1, $2, $3, $4)', [actor.municipalityId, existing.id, input.role, input.departmentId]);
    const row = await getUser(t, actor.municipalityId, existing.id);
    await recordAudit(t, actor, { entityType: 'membership', entityId: existing.id, action: 'create', before: null, after: row });
    return row;
  });
}

/** Locks the municipality row so that two admins changing roles at once cannot both pass the check. */
async function assertAnotherAdmin(db: Db, municipalityId: string, userId: string) {
  await db.query('SELECT 1 FROM municipality WHERE id = $1 FOR UPDATE', [municipalityId]);
  const [{ n }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM membership WHERE municipality_id = $1 AND role = 'admin' AND user_id <> $2`, [municipalityId, userId]);
  if (n === 0) throw conflict('conflict.last_admin');
}

export async function updateUser(
  db: Db,
  actor: Actor,
  userId: string,
  input: { name?: string; role?: Role; departmentId?: string | null; password?: string },
): Promise<UserRow> {
  const passwordHash = input.password ? await hashNewPassword(db, input.password, { userId, name: input.name, municipalityId: actor.municipalityId }) : null;
  return db.tx(async (t) => {
    const before = await getUser(t, actor.municipalityId, userId);
    // An erased account (GDPR, modules/privacy) stays only so that its scores count: it never gets a password, name or role again.
    const [{ erased }] = await t.query<{ erased: boolean }>('SELECT erased_at IS NOT NULL AS erased FROM app_user WHERE id = $1', [userId]);
    if (erased) throw new AppError(409, 'already_erased', 'already_erased');
    if (passwordHash || input.name) await assertOwnsAccount(t, actor, userId);
    if (input.role && input.role !== 'admin' && before.role === 'admin') await assertAnotherAdmin(t, actor.municipalityId, userId);
    if (input.departmentId) await assertIdsExist(t, actor.municipalityId, 'department', [input.departmentId], 'departmentId');
    await t.query(
      `UPDATE membership SET role = coalesce($3, role), department_id = CASE WHEN $4::boolean THEN $5::uuid ELSE department_id END
       WHERE municipality_id = $1 AND user_id = $2`,
      [actor.municipalityId, userId, input.role ?? null, input.departmentId !== undefined, input.departmentId ?? null],
    );
    if (input.name) await t.query('UPDATE app_user SET name = $2 WHERE id = $1', [userId, input.name]);
    if (passwordHash) {
      await t.query('UPDATE app_user SET password_hash = $2 WHERE id = $1', [userId, passwordHash]);
      // A reset password ends the person's other sessions.
      await t.query('DELETE FROM session WHERE user_id = $1 AND token_hash <> $2', [userId, actor.sessionHash]);
    }
    const after = await getUser(t, actor.municipalityId, userId);
    await recordAudit(t, actor, { entityType: 'membership', entityId: userId, action: 'update', before, after: { ...after, ...(passwordHash ? { password: 'neu gesetzt' } : {}) } });
    return after;
  });
}

/**
 * An account is one person across municipalities. Its password and name may be changed only by someone
 * who is admin in every municipality the person belongs to — otherwise one municipality's admin could
 * take over an account of another.
 */
async function assertOwnsAccount(db: Db, actor: Actor, userId: string) {
  const [{ n }] = await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM membership m WHERE m.user_id = $1 AND NOT EXISTS (
       SELECT 1 FROM membership a WHERE a.user_id = $2 AND a.municipality_id = m.municipality_id AND a.role = 'admin')`,
    [userId, actor.userId],
  );
  if (n > 0) throw forbidden('forbidden.shared_account');
}

export async function removeUser(db: Db, actor: Actor, userId: string) {
  await db.tx(async (t) => {
    const before = await getUser(t, actor.municipalityId, userId);
    if (before.role === 'admin') await assertAnotherAdmin(t, actor.municipalityId, userId);
    await t.query('DELETE FROM membership WHERE municipality_id = $1 AND user_id = $2', [actor.municipalityId, userId]);
    await t.query('DELETE FROM session WHERE user_id = $1 AND municipality_id = $2', [userId, actor.municipalityId]);
    await recordAudit(t, actor, { entityType: 'membership', entityId: userId, action: 'delete', before, after: null });
  });
}

/** A consultancy runs several municipalities: the creator becomes the new one's admin. */
export async function createMunicipality(db: Db, actor: Actor, input: { name: string; defaultStructure: boolean }) {
  return db.tx(async (t) => {
    const [{ id }] = await t.query<{ id: string }>('INSERT INTO municipality (name) VALUES ($1) RETURNING id', [input.name]);
    await t.query(`INSERT INTO membership (municipality_id, user_id, role) VALUES ($1, $2, 'admin')`, [id, actor.userId]);
    if (input.defaultStructure) await createDefaultStructure(t, id);
    await recordAudit(t, { ...actor, municipalityId: id }, { entityType: 'municipality', entityId: id, action: 'create', before: null, after: { name: input.name } });
    return id;
  });
}
