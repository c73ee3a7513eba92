import type { Db } from '../../db/client';
import { groupValues, mapGroups } from '../../../domain/sso-mapping';
import { recordAccountEvent } from '../audit/account-events';
import { SsoRefused } from './oidc';
import type { ProviderRow } from './sso-settings.service';

const truthy = (v: unknown) => v === true || v === 'true';
const cut = (s: string, n: number) => s.slice(0, n);

/**
 * The account a provider's sign-in stands for, with its membership in the provider's municipality set from
 * the group mapping (on every sign-in, so a change of groups at the provider takes effect at the next one).
 *
 * - Known identity (provider + subject): that account.
 * - Otherwise the e-mail decides, and only if the provider says it is verified (`email_verified` true;
 *   SAML providers vouch for their assertions, `verified` is passed as true): an existing account with that
 *   e-mail is linked — unless it belongs to another municipality too (`account_elsewhere`) — else a new
 *   account without a password is created.
 * - Nobody without a mapped group gets in (`no_group`); the refusal is recorded for a known account.
 *
 * Only the provider's own municipality is touched: a provider of municipality A never adds, changes or
 * uses a membership of B (and an SSO session cannot be switched to B, see auth.service switchMunicipality).
 */
export async function resolveAccount(
  db: Db,
  p: ProviderRow,
  who: { subject: string; email: unknown; emailVerified: unknown; name: unknown; groups: unknown },
): Promise<{ userId: string; role: string }> {
  const mapping = { groupClaim: p.group_claim, roles: p.role_map, departments: p.department_map };
  const member = mapGroups(mapping, groupValues(who.groups));
  const email = typeof who.email === 'string' ? who.email.trim() : '';
  const [known] = await db.query<{ user_id: string }>('SELECT user_id FROM sso_identity WHERE provider_id = $1 AND subject = $2', [p.id, who.subject]);
  let userId = known?.user_id;
  if (!userId) {
    if (!email || !/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 200) throw new SsoRefused('email_missing');
    const [existing] = await db.query<{ id: string }>('SELECT id FROM app_user WHERE lower(email) = lower($1)', [email]);
    if (!truthy(who.emailVerified)) {
      if (existing) await recordAccountEvent(db, existing.id, 'sign_in_failed', { method: p.kind, provider: p.display_name, reason: 'email_unverified' });
      throw new SsoRefused('email_unverified', email);
    }
    if (!member) {
      if (existing) await recordAccountEvent(db, existing.id, 'sign_in_failed', { method: p.kind, provider: p.display_name, reason: 'no_group' });
      throw new SsoRefused('no_group');
    }
    // An account that also belongs to another municipality is not handed to this municipality's provider: its
    // admins could otherwise vouch for anyone's address and act as that person's account (profile, sessions,
    // data export). Such a person is invited instead, or signs in with their password.
    if (existing) {
      const [elsewhere] = await db.query('SELECT 1 FROM membership WHERE user_id = $1 AND municipality_id <> $2 LIMIT 1', [existing.id, p.municipality_id]);
      if (elsewhere) {
        await recordAccountEvent(db, existing.id, 'sign_in_failed', { method: p.kind, provider: p.display_name, reason: 'account_elsewhere' });
        throw new SsoRefused('account_elsewhere');
      }
    }
    userId = await db.tx(async (t) => {
      let id = existing?.id;
      if (!id) {
        const name = typeof who.name === 'string' && who.name.trim() ? who.name.trim() : email;
        [{ id }] = await t.query<{ id: string }>('INSERT INTO app_user (email, name, password_hash) VALUES ($1, $2, NULL) RETURNING id', [email, cut(name, 200)]);
      }
      await t.query('INSERT INTO sso_identity (provider_id, subject, user_id) VALUES ($1, $2, $3)', [p.id, cut(who.subject, 500), id]);
      return id!;
    });
  }
  if (!member) {
    await recordAccountEvent(db, userId, 'sign_in_failed', { method: p.kind, provider: p.display_name, reason: 'no_group' });
    throw new SsoRefused('no_group');
  }
  await db.query(
    `INSERT INTO membership (municipality_id, user_id, role, department_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (municipality_id, user_id) DO UPDATE SET role = $3, department_id = $4`,
    [p.municipality_id, userId, member.role, member.departmentId],
  );
  return { userId, role: member.role };
}

/** A refusal before any account is known (bad token, replayed state…): recorded against the provider. */
export async function recordProviderFailure(db: Db, p: ProviderRow, reason: string, detail: string) {
  await db.query(
    `INSERT INTO audit_event (municipality_id, entity_type, entity_id, action, actor_id, actor_name, changes)
     VALUES ($1, 'sso_provider', $2, 'sign_in_failed', NULL, NULL, $3::jsonb)`,
    [p.municipality_id, p.id, JSON.stringify({ method: p.kind, provider: p.display_name, reason, detail: detail.slice(0, 300) })],
  );
}
