import { z } from 'zod';
import type { App } from '../../app';
import { Me } from '../../../contract/auth';
import { IdParams } from '../../../contract/common';
import {
  RecoveryCodes, SecondFactorBody, SecuritySettings, SecuritySettingsBody, SessionList,
  TwoFactorConfirmBody, TwoFactorDisableBody, TwoFactorSetup, TwoFactorStatus,
} from '../../../contract/security';
import { requireRole, requireSession } from '../../plugins/actor';
import { AppError } from '../../errors';
import { failureKeys } from '../../../domain/throttle';
import { DEFAULT_IDLE_MINUTES } from '../../../domain/sessions';
import { checkPassword, recordLoginFailure } from './auth.service';
import { completeSignIn } from './sign-in';
import { finishSecondFactor } from './second-factor.service';
import { beginSetup, confirmSetup, disableTwoFactor, spendSecondFactor, twoFactorStatus } from './two-factor.service';
import { endOtherSessions, endSession, listSessions } from './sessions.service';
import { getSecuritySettings, saveSecuritySettings } from './security-settings.service';

/** Two-factor sign-in, one's own sessions, and the municipality's security settings. Routes under /auth pass the two-factor gate. */
export async function securityRoutes(app: App) {
  const tags = ['auth'];
  const secret = app.config.sessionSecret;
  const idle = app.config.sessionIdleMinutes;

  app.post('/auth/login/second-factor', {
    schema: {
      tags,
      summary: 'Second step of a sign-in: the code from the authenticator app or a recovery code',
      description:
        'After `POST /auth/login` answered 202 with `pendingToken` (valid 5 minutes): a 6-digit TOTP code (each code works once) or one of the ' +
        'recovery codes (each once). Right: the session cookie and the signed-in user, as `POST /auth/login`. Wrong or used: 401 ' +
        '`second_factor_invalid`, counted by the sign-in throttle like a wrong password (then 429). Expired or unknown token: 401 `sign_in_expired`.',
      body: SecondFactorBody,
      response: { 200: Me },
    },
  }, async (req, reply) => {
    const done = await finishSecondFactor(app.db, secret, req.body.pendingToken, req.body.code, req.ip);
    return completeSignIn(app, req, reply, done.userId, done.municipalityId, done.method);
  });

  app.get('/auth/two-factor', {
    schema: {
      tags,
      summary: 'Two-factor sign-in of the signed-in person',
      description: 'Whether it is on, a setup waiting for its first code, how many recovery codes are left, and whether the current municipality requires it of this person (admins).',
      response: { 200: TwoFactorStatus },
    },
  }, async (req) => twoFactorStatus(app.db, requireSession(req)));

  app.post('/auth/two-factor/setup', {
    schema: {
      tags,
      summary: 'Start setting up two-factor sign-in',
      description: 'Creates a new secret (not yet in force) and returns it as Base32 text, as otpauth:// address and as QR code (SVG data URL). Confirm with `POST /auth/two-factor/confirm`. 409 if already on.',
      response: { 200: TwoFactorSetup },
    },
  }, async (req) => beginSetup(app.db, secret, requireSession(req)));

  app.post('/auth/two-factor/confirm', {
    schema: {
      tags,
      summary: 'Turn two-factor sign-in on with a first code',
      description: 'The current code from the app proves the secret was scanned; turns it on and returns ten one-time recovery codes, shown only now. Wrong code: 400 `two_factor_code_invalid`.',
      body: TwoFactorConfirmBody,
      response: { 200: RecoveryCodes },
    },
  }, async (req) => confirmSetup(app.db, secret, requireSession(req), req.body.code));

  app.post('/auth/two-factor/disable', {
    schema: {
      tags,
      summary: 'Turn two-factor sign-in off',
      description: 'Needs the password or a current code (or a recovery code). Wrong: 403 `two_factor_reauth_failed`, counted by the sign-in throttle. Not on: 409.',
      body: TwoFactorDisableBody,
    },
  }, async (req, reply) => {
    const actor = requireSession(req);
    const [user] = await app.db.query<{ email: string; password_hash: string | null }>('SELECT email, password_hash FROM app_user WHERE id = $1', [actor.userId]);
    const ok = req.body.code
      ? (await spendSecondFactor(app.db, secret, actor.userId, req.body.code)) !== null
      : await checkPassword(user.password_hash, req.body.password ?? '');
    if (!ok) {
      // A stolen session must not become a way to guess the password or the code.
      await recordLoginFailure(app.db, failureKeys(user.email, req.ip));
      throw new AppError(403, 'two_factor_reauth_failed');
    }
    await disableTwoFactor(app.db, actor.userId);
    reply.code(204);
  });

  app.get('/auth/sessions', {
    schema: {
      tags,
      summary: 'My active sessions',
      description: 'Every session of the signed-in person that has neither expired nor been idle too long: created, last active (updated at most once a minute), browser, network; the current one first.',
      response: { 200: SessionList },
    },
  }, async (req) => ({ idleMinutes: idle ?? DEFAULT_IDLE_MINUTES, sessions: await listSessions(app.db, requireSession(req), idle) }));

  app.delete('/auth/sessions/:id', {
    schema: {
      tags,
      summary: 'End one of my sessions',
      description: 'Signs that browser out. Another person\'s session or an unknown id: 404.',
      params: IdParams,
    },
  }, async (req, reply) => {
    await endSession(app.db, requireSession(req), req.params.id);
    reply.code(204);
  });

  app.post('/auth/sessions/end-others', {
    schema: {
      tags,
      summary: 'End all my other sessions',
      description: 'Signs out every other browser of the signed-in person; this one stays signed in.',
      response: { 200: z.object({ ended: z.number().int() }) },
    },
  }, async (req) => ({ ended: await endOtherSessions(app.db, requireSession(req)) }));

  app.get('/security/settings', {
    schema: {
      tags: ['security'],
      summary: 'Security settings of the municipality',
      description: 'Whether admins of the current municipality must use two-factor sign-in. Admins only.',
      response: { 200: SecuritySettings },
    },
  }, async (req) => getSecuritySettings(app.db, requireRole(req, 'admin').municipalityId));

  app.put('/security/settings', {
    schema: {
      tags: ['security'],
      summary: 'Change the security settings of the municipality',
      description:
        'With `requireAdminTwoFactor`, every admin of the municipality without two-factor sign-in gets 403 `two_factor_required` for everything ' +
        'but their own account (`/auth/…`) until they set it up. Admins only; a stale `version`: 409.',
      body: SecuritySettingsBody,
      response: { 200: SecuritySettings },
    },
  }, async (req) => {
    const actor = requireRole(req, 'admin');
    requireSession(req);
    return saveSecuritySettings(app.db, actor, req.body);
  });
}
