import { z } from 'zod';
import { Id, Role, text, Version } from './common';

/** An http(s) address (https, or http on the machine itself for tests and local providers). */
const Url = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .refine((u) => u.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(u), 'https:// (http:// nur für 127.0.0.1/localhost)');

export const SsoKind = z.enum(['oidc', 'saml']).describe('Art des Identitätsanbieters: `oidc` (OpenID Connect) oder `saml` (SAML 2.0).');

export const RoleRule = z.object({
  value: text(200).min(1).describe('Wert im Gruppen-Claim (z. B. der Gruppenname oder die Gruppen-ID).'),
  role: Role,
});
export const DepartmentRule = z.object({
  value: text(200).min(1).describe('Wert im Gruppen-Claim (z. B. der Gruppenname oder die Gruppen-ID).'),
  departmentId: Id,
});

export const SsoMapping = z.object({
  groupClaim: text(100).min(1).default('groups').describe('Name des Claims (bei SAML: Attributs) mit den Gruppen, z. B. `groups`.'),
  roles: z.array(RoleRule).max(100).describe('Welche Gruppe welche Rolle gibt; bei mehreren Treffern gilt die höchste (admin vor coordinator vor department vor reader).'),
  departments: z.array(DepartmentRule).max(200).describe('Welche Gruppe welches Amt gibt; bei mehreren Treffern die erste Regel.'),
});
export type SsoMapping = z.infer<typeof SsoMapping>;

const OidcSettings = z.object({
  issuer: Url.describe('Aussteller (Issuer) des Anbieters; die Konfiguration wird unter `<issuer>/.well-known/openid-configuration` gelesen.'),
  clientId: text(200).min(1).describe('Client-ID, beim Anbieter für Roter Faden angelegt.'),
  clientSecret: text(500).min(1).optional().describe('Client-Geheimnis; wird verschlüsselt gespeichert und nie zurückgegeben. Weglassen, um das gespeicherte zu behalten.'),
});
const SamlSettings = z.object({
  entryPoint: Url.describe('Anmeldeadresse (SSO-URL) des SAML-Identitätsanbieters.'),
  idpCert: text(20000).min(1).describe('Signaturzertifikat des Identitätsanbieters (PEM oder Base64).'),
  idpIssuer: text(500).min(1).describe('Entity-ID des Identitätsanbieters (Issuer seiner Antworten).'),
  spEntityId: text(500).min(1).describe('Entity-ID von Roter Faden beim Anbieter (z. B. die Adresse der App).'),
});

export const SsoProviderBody = z.object({
  kind: SsoKind,
  displayName: text(100).min(1).describe('Name auf der Schaltfläche „Anmelden mit …“.'),
  oidc: OidcSettings.optional().describe('Einstellungen für OpenID Connect (bei `kind` = `oidc`).'),
  saml: SamlSettings.optional().describe('Einstellungen für SAML 2.0 (bei `kind` = `saml`).'),
  mapping: SsoMapping,
  passwordsOff: z.boolean().describe('Lokale Passwörter ausschalten: dann meldet sich nur noch die Notfall-Administration mit Passwort an.'),
  emergencyAdminId: Id.nullable().describe('Konto (Administration dieser Kommune), das sich auch bei ausgeschalteten Passwörtern mit Passwort anmelden darf.'),
  version: Version.optional(),
});
export type SsoProviderBody = z.infer<typeof SsoProviderBody>;

export const SsoProvider = z.object({
  id: Id,
  kind: SsoKind,
  displayName: z.string().describe('Name auf der Schaltfläche „Anmelden mit …“.'),
  oidc: z
    .object({
      issuer: z.string().describe('Aussteller (Issuer) des Anbieters.'),
      clientId: z.string().describe('Client-ID.'),
      hasClientSecret: z.boolean().describe('Ob ein Client-Geheimnis gespeichert ist (es selbst wird nie zurückgegeben).'),
    })
    .nullable()
    .describe('Einstellungen für OpenID Connect.'),
  saml: SamlSettings.nullable().describe('Einstellungen für SAML 2.0.'),
  mapping: SsoMapping,
  passwordsOff: z.boolean().describe('Ob lokale Passwörter ausgeschaltet sind.'),
  emergencyAdminId: Id.nullable().describe('Notfall-Administration (meldet sich weiter mit Passwort an).'),
  redirectUri: z.string().describe('Rückleitungsadresse, die beim Anbieter einzutragen ist (OIDC: Redirect-URI; SAML: ACS-URL).'),
  postLogoutRedirectUri: z.string().describe('Adresse nach der Abmeldung beim Anbieter (OIDC: Post-Logout-Redirect-URI).'),
  version: Version,
});
export type SsoProvider = z.infer<typeof SsoProvider>;

/** For the sign-in page: which buttons to show. */
export const SsoChoice = z.object({
  id: Id,
  displayName: z.string().describe('Name auf der Schaltfläche „Anmelden mit …“.'),
  municipalityName: z.string().describe('Name der Kommune, zu der der Anbieter gehört.'),
});
export type SsoChoice = z.infer<typeof SsoChoice>;

export const SsoLogoutResult = z.object({
  providerLogoutUrl: z.string().nullable().describe('Adresse, unter der auch die Sitzung beim Identitätsanbieter endet (null: keine, z. B. bei Passwort-Anmeldung).'),
});

/** Why a single sign-on was refused: the refusal page explains each (web/features/auth/SsoRefusedPage). */
export const SSO_REFUSALS = [
  'state_unknown', 'denied', 'unreachable', 'issuer_mismatch', 'token_expired', 'token_invalid',
  'email_unverified', 'email_missing', 'account_elsewhere', 'no_group', 'not_configured', 'provider_error',
] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];
