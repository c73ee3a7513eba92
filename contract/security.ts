import { z } from 'zod';
import { Id, text, Version } from './common';

/** The password was right, but the account uses two-factor sign-in: no session yet, only this pending token (5 minutes). */
export const SecondFactorNeeded = z.object({ secondFactorRequired: z.literal(true), pendingToken: z.string() });
export type SecondFactorNeeded = z.infer<typeof SecondFactorNeeded>;

/** A 6-digit code from the authenticator app, or one of the recovery codes (xxxxx-xxxxx). */
export const SecondFactorCode = text(40).refine((s) => s.trim().length > 0, 'Pflichtfeld');
export const SecondFactorBody = z.object({ pendingToken: text(100), code: SecondFactorCode });

export const TwoFactorStatus = z.object({
  enabled: z.boolean(),
  /** a secret was created but not yet confirmed with a code */
  pending: z.boolean(),
  recoveryCodesLeft: z.number().int(),
  /** the municipality requires two-factor sign-in for admins and this person is an admin there */
  required: z.boolean(),
});
export type TwoFactorStatus = z.infer<typeof TwoFactorStatus>;

/** A new secret to scan: shown until confirmed with a code. */
export const TwoFactorSetup = z.object({ secret: z.string(), otpauthUri: z.string(), qrSvgDataUrl: z.string() });
export type TwoFactorSetup = z.infer<typeof TwoFactorSetup>;

export const TwoFactorConfirmBody = z.object({ code: SecondFactorCode });
/** Shown once; only their hashes are kept. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

/** Turning two-factor sign-in off needs the password or a current code (or a recovery code). */
export const TwoFactorDisableBody = z
  .object({ password: text(200).optional(), code: SecondFactorCode.optional() })
  .refine((b) => Boolean(b.password || b.code), { message: 'Passwort oder Code angeben', path: ['password'] });

export const SessionInfo = z.object({
  id: Id,
  createdAt: z.string(),
  lastActiveAt: z.string(),
  /** e.g. "Firefox 128 · Windows"; empty when unknown */
  browser: z.string(),
  /** the client's network, e.g. "203.0.113.x"; empty when unknown */
  address: z.string(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
/** `idleMinutes`: SESSION_IDLE_MINUTES, after which an unused session ends. */
export const SessionList = z.object({ idleMinutes: z.number().int(), sessions: z.array(SessionInfo) });
export type SessionList = z.infer<typeof SessionList>;

export const SecuritySettings = z.object({ requireAdminTwoFactor: z.boolean(), version: z.number().int() });
export type SecuritySettings = z.infer<typeof SecuritySettings>;
export const SecuritySettingsBody = z.object({ requireAdminTwoFactor: z.boolean(), version: Version });
