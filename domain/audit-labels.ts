import type { Locale } from './format';

/** Names of the audit trail's events and kinds, for the admins' audit view and its exports. */
export const AUDIT_ACTION_LABELS: Record<string, Record<Locale, string>> = {
  create: { de: 'Angelegt', en: 'Created' },
  update: { de: 'Geändert', en: 'Changed' },
  delete: { de: 'Gelöscht', en: 'Deleted' },
  sign_in: { de: 'Anmeldung', en: 'Sign-in' },
  sign_in_failed: { de: 'Fehlgeschlagene Anmeldung', en: 'Failed sign-in' },
  sign_out: { de: 'Abmeldung', en: 'Sign-out' },
  session_end: { de: 'Sitzung beendet', en: 'Session ended' },
  two_factor_on: { de: 'Zweiter Faktor eingeschaltet', en: 'Two-factor on' },
  two_factor_off: { de: 'Zweiter Faktor ausgeschaltet', en: 'Two-factor off' },
  export: { de: 'Export', en: 'Export' },
  erasure: { de: 'Löschung (Pseudonymisierung)', en: 'Erasure (pseudonymised)' },
};

export const AUDIT_KIND_LABELS: Record<string, Record<Locale, string>> = {
  change: { de: 'Änderungen', en: 'Changes' },
  role_change: { de: 'Rollen und Mitgliedschaften', en: 'Roles and memberships' },
  sign_in: { de: 'Anmeldungen', en: 'Sign-ins' },
  sign_in_failed: { de: 'Fehlgeschlagene Anmeldungen', en: 'Failed sign-ins' },
  sign_out: { de: 'Abmeldungen und beendete Sitzungen', en: 'Sign-outs and ended sessions' },
  two_factor: { de: 'Zweiter Faktor an/aus', en: 'Two-factor on/off' },
  export: { de: 'Exporte personenbezogener Daten', en: 'Exports of personal data' },
  erasure: { de: 'Löschungen von Personen', en: 'Erasures of people' },
};

/** What an event is about; an unknown type is shown as it is stored. */
export const AUDIT_ENTITY_LABELS: Record<string, Record<Locale, string>> = {
  account: { de: 'Konto', en: 'Account' },
  membership: { de: 'Mitgliedschaft', en: 'Membership' },
  measure: { de: 'Maßnahme', en: 'Measure' },
  municipality: { de: 'Kommune', en: 'Municipality' },
  securitySettings: { de: 'Sicherheitseinstellungen', en: 'Security settings' },
  sso_provider: { de: 'Identitätsanbieter (SSO)', en: 'Identity provider (SSO)' },
  auditTrail: { de: 'Protokoll', en: 'Audit trail' },
  personalData: { de: 'Personenbezogene Daten', en: 'Personal data' },
  participant: { de: 'Teilnehmende Person', en: 'Participant' },
  privacySettings: { de: 'Datenschutz-Einstellungen', en: 'Privacy settings' },
  workshop: { de: 'Workshop', en: 'Workshop' },
  department: { de: 'Amt', en: 'Department' },
  district: { de: 'Stadtteil', en: 'District' },
  goal: { de: 'Ziel', en: 'Goal' },
  actionField: { de: 'Handlungsfeld', en: 'Field of action' },
  dimension: { de: 'Dimension', en: 'Dimension' },
};

const shown = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '–';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 200 ? `${s.slice(0, 199)}…` : s;
};

/** One line for an event's details: "role: reader → admin; name: – → Anna" for changes, "method: totp" otherwise. */
export function auditDetails(action: string, changes: Record<string, unknown>): string {
  const isChange = action === 'create' || action === 'update' || action === 'delete';
  return Object.entries(changes)
    .map(([k, v]) => (isChange && Array.isArray(v) && v.length === 2 ? `${k}: ${shown(v[0])} → ${shown(v[1])}` : `${k}: ${shown(v)}`))
    .join('; ');
}
