import { z } from 'zod';
import { Id, text } from './common';

/** The privacy page and how long workshop guests' names are kept (per municipality, admins). */
export const PrivacySettings = z.object({
  notice: z.string().describe('Text der Datenschutzseite (einfacher Text mit wenigen Auszeichnungen: `# Überschrift`, `- Aufzählung`, `**fett**`, Links als `https://…`; kein HTML).'),
  noticeUpdatedAt: z.string().nullable().describe('Letzte Änderung des Textes (ISO 8601) oder null, solange er leer ist.'),
  guestRetentionDays: z.number().int().describe('Tage nach dem Ende eines Workshops, nach denen die Namen seiner Gäste automatisch durch ein Pseudonym ersetzt werden; 0 = nie automatisch.'),
  version: z.number().int(),
});
export type PrivacySettings = z.infer<typeof PrivacySettings>;

export const PrivacySettingsInput = z.object({
  notice: text(50_000).describe('Text der Datenschutzseite (höchstens 50.000 Zeichen, kein HTML).'),
  guestRetentionDays: z.number().int().min(0).max(3650).describe('0–3650 Tage; 0 = Namen der Gäste nicht automatisch löschen.'),
  version: z.number().int().min(1).max(2_147_483_647),
});

/** What anyone may read without signing in. */
export const PrivacyNotice = z.object({
  municipalityId: Id,
  municipalityName: z.string().describe('Name der Kommune (Verantwortliche).'),
  notice: z.string().describe('Text der Datenschutzseite; leer, solange die Verwaltung ihn nicht geschrieben hat.'),
  noticeUpdatedAt: z.string().nullable().describe('Stand des Textes (ISO 8601) oder null.'),
  guestRetentionDays: z.number().int().describe('Nach wie vielen Tagen nach dem Workshop die Namen der Gäste gelöscht werden (0 = nicht automatisch).'),
});
export type PrivacyNotice = z.infer<typeof PrivacyNotice>;

export const ExportQuery = z.object({ lang: z.enum(['de', 'en']).default('de').describe('Sprache des Dokuments: `de` oder `en`.') });

/** What an erasure will change, shown before the admin confirms (and returned after it, as done). */
export const ErasureSummary = z.object({
  kind: z.enum(['account', 'account_in_municipality', 'guest']).describe(
    '`account`: das Konto gehört nur zu dieser Kommune und wird ganz gelöscht; `account_in_municipality`: es gehört auch zu anderen Kommunen, hier wird die Mitgliedschaft entfernt und der Name in den Daten dieser Kommune ersetzt; `guest`: ein Workshop-Gast.',
  ),
  name: z.string().describe('Der Name, wie er jetzt gespeichert ist (zur Bestätigung einzutippen).'),
  pseudonym: z.string().describe('Der Name, der ihn ersetzt (für dieselbe Person immer derselbe).'),
  otherMunicipalities: z.number().int().describe('In wie vielen anderen Kommunen das Konto Mitglied ist (bleibt dort unverändert).'),
  counts: z.object({
    auditActor: z.number().int().describe('Protokolleinträge, in denen die Person als Handelnde steht.'),
    auditMentions: z.number().int().describe('Protokolleinträge, deren Änderungen Name oder E-Mail-Adresse enthalten.'),
    participations: z.number().int().describe('Teilnahmen an Workshops (Name wird ersetzt).'),
    roundResults: z.number().int().describe('Festgehaltene Rundenergebnisse mit dem Namen (Name wird ersetzt, Punkte bleiben).'),
    records: z.number().int().describe('Weitere Einträge mit dem Namen (Beschlüsse, Verknüpfungen, Katalogänderungen).'),
    sessions: z.number().int().describe('Sitzungen, die beendet werden.'),
    apiTokens: z.number().int().describe('API-Tokens, die widerrufen werden.'),
    twoFactor: z.number().int().describe('1, wenn ein zweiter Faktor (Geheimnis und Wiederherstellungscodes) gelöscht wird.'),
    savedSearches: z.number().int().describe('Gespeicherte Suchen, die gelöscht werden.'),
    notifications: z.number().int().describe('Benachrichtigungen und E-Mails im Postausgang an die Person, die gelöscht werden.'),
    dots: z.number().int().describe('Gesetzte Punkte: bleiben gezählt.'),
    scores: z.number().int().describe('Abgegebene Bewertungen: bleiben gezählt (bei `account_in_municipality` enden sie mit der Mitgliedschaft wie bei jedem Austritt).'),
  }),
  erasedAt: z.string().nullable().describe('Wann gelöscht wurde (nach der Löschung) oder null.'),
});
export type ErasureSummary = z.infer<typeof ErasureSummary>;

export const ErasureBody = z.object({
  confirmName: text(300).describe('Der jetzige Name der Person, zur Bestätigung eingetippt (Groß-/Kleinschreibung und Leerzeichen am Rand egal).'),
});
export const ParticipantParams = z.object({ id: Id, participantId: Id });
export const MunicipalityParams = z.object({ municipalityId: Id });
export const JoinCodeParams = z.object({ code: text(20).min(4).describe('Workshopcode (6 Zeichen) oder persönlicher Code (10 Zeichen).') });
