import { z } from 'zod';
import { Id } from './common';

/**
 * Notifications (issue 14): every kind of event the app tells people about. Each person chooses per kind
 * how it reaches them by e-mail; the in-app list always shows it.
 */
export const NOTIFICATION_KINDS = [
  'measure_lead_assigned',
  'measure_partner_assigned',
  'funding_deadline',
  'saved_search_match',
  'status_report_requested',
  'status_report_overdue',
  'recommendation_addressed',
  'measure_comment',
  'citizen_idea_to_moderate',
  'membership_invitation',
] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const NotificationMode = z.enum(['immediate', 'digest', 'off']);
export type NotificationMode = z.infer<typeof NotificationMode>;

export const Notification = z
  .object({
    id: Id.describe('Kennung der Benachrichtigung.'),
    kind: NotificationKind.describe('Art des Ereignisses.'),
    title: z.string().describe('Was geschehen ist, ein Satz in der Sprache der Anfrage.'),
    link: z.string().nullable().describe('Pfad in der App, der zum Anlass führt (z. B. `/measures/<id>`); null = keiner.'),
    createdAt: z.string().describe('Zeitpunkt (ISO 8601).'),
    readAt: z.string().nullable().describe('Gelesen am (ISO 8601); null = ungelesen.'),
  })
  .meta({
    example: {
      id: '0b8e0f7c-1d2e-4f3a-9b8c-7d6e5f4a3b2c',
      kind: 'measure_lead_assigned',
      title: 'Ihr Amt Stadtplanungsamt ist jetzt federführend für Maßnahme Nr. 12 „Radweg Südring“.',
      link: '/measures/3f2b8c1e-7a4d-4c1b-9e2f-5d6a7b8c9d0e',
      createdAt: '2026-12-07T09:30:00.000Z',
      readAt: null,
    },
  });
export type Notification = z.infer<typeof Notification>;

export const NotificationPage = z.object({
  items: z.array(Notification).describe('Die Benachrichtigungen dieser Seite, neueste zuerst.'),
  total: z.number().int().describe('Anzahl aller Benachrichtigungen (gefiltert).'),
  unread: z.number().int().describe('Anzahl der ungelesenen Benachrichtigungen der Person in dieser Kommune.'),
  invitations: z.number().int().describe('Offene Einladungen der Person in andere Kommunen (`GET /invitations`).'),
  page: z.number().int().describe('Seite (ab 1).'),
  pageSize: z.number().int().describe('Einträge je Seite.'),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

export const NotificationQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1).describe('Seite (ab 1).'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('Einträge je Seite (1–100).'),
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('`true`: nur ungelesene.'),
});

export const UnreadCount = z.object({ unread: z.number().int().describe('Anzahl der ungelesenen Benachrichtigungen.') });

export const NotificationPreference = z.object({
  kind: NotificationKind.describe('Art des Ereignisses.'),
  mode: NotificationMode.describe('Per E-Mail: `immediate` sofort, `digest` in der täglichen Zusammenfassung, `off` gar nicht (in der App erscheint es immer).'),
  default: NotificationMode.describe('Die Voreinstellung dieser Art.'),
  emitted: z.boolean().describe('false: Diese Art wird noch nicht ausgelöst (die Einstellung gilt, sobald es sie gibt).'),
});
export type NotificationPreference = z.infer<typeof NotificationPreference>;

export const NotificationPreferences = z.object({
  preferences: z.array(NotificationPreference).describe('Eine Zeile je Art.'),
  mailEnabled: z.boolean().describe('false: Die App versendet keine E-Mails (kein `SMTP_URL`); Benachrichtigungen erscheinen nur in der App.'),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const PutNotificationPreferences = z.object({
  preferences: z
    .array(z.object({ kind: NotificationKind.describe('Art des Ereignisses.'), mode: NotificationMode.describe('Neue Einstellung.') }))
    .max(NOTIFICATION_KINDS.length * 2)
    .describe('Die zu ändernden Arten; nicht genannte bleiben, wie sie sind.'),
});
export type PutNotificationPreferences = z.infer<typeof PutNotificationPreferences>;

export const OutboxStatus = z.enum(['pending', 'sending', 'sent', 'failed']);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

export const OutboxMail = z.object({
  id: Id.describe('Kennung der E-Mail im Postausgang.'),
  kind: z.string().describe('Art der Benachrichtigung (oder `digest` für die tägliche Zusammenfassung).'),
  recipient: z.string().describe('Empfängeradresse.'),
  subject: z.string().describe('Betreff.'),
  status: OutboxStatus.describe('`pending` wartet (auch auf einen neuen Versuch), `sending` wird gerade gesendet, `sent` vom SMTP-Server angenommen, `failed` aufgegeben.'),
  attempts: z.number().int().describe('Bisherige Zustellversuche.'),
  nextAttemptAt: z.string().nullable().describe('Nächster Versuch (ISO 8601), bei `pending`.'),
  lastError: z.string().nullable().describe('Letzte Fehlermeldung des SMTP-Servers oder der Verbindung.'),
  createdAt: z.string().describe('In den Postausgang gelegt (ISO 8601).'),
  sentAt: z.string().nullable().describe('Angenommen am (ISO 8601).'),
});
export type OutboxMail = z.infer<typeof OutboxMail>;

export const OutboxQuery = z.object({
  status: OutboxStatus.optional().describe('Nur E-Mails in diesem Stand.'),
  page: z.coerce.number().int().min(1).max(100000).default(1).describe('Seite (ab 1).'),
  pageSize: z.coerce.number().int().min(1).max(100).default(50).describe('Einträge je Seite (1–100).'),
});

export const OutboxPage = z.object({
  items: z.array(OutboxMail).describe('E-Mails dieser Seite, neueste zuerst.'),
  total: z.number().int().describe('Anzahl (gefiltert).'),
  failed: z.number().int().describe('Anzahl aufgegebener E-Mails der Kommune.'),
  mailEnabled: z.boolean().describe('false: kein `SMTP_URL`, es wird nichts versendet.'),
  page: z.number().int().describe('Seite (ab 1).'),
  pageSize: z.number().int().describe('Einträge je Seite.'),
});
export type OutboxPage = z.infer<typeof OutboxPage>;

export const UnsubscribeQuery = z.object({
  token: z.string().min(10).max(300).regex(/^[A-Za-z0-9_.-]+$/).describe('Das Abmelde-Token aus der E-Mail (je Person und Art).'),
});

/** An invitation into another municipality, waiting for the invited person's consent (issue 14). */
export const Invitation = z.object({
  id: Id.describe('Kennung der Einladung.'),
  municipalityId: Id.describe('Die einladende Kommune.'),
  municipalityName: z.string().describe('Name der einladenden Kommune.'),
  role: z.enum(['admin', 'coordinator', 'department', 'reader']).describe('Rolle, die die Person dort bekäme.'),
  departmentName: z.string().nullable().describe('Amt dort (bei Rolle `department`), sonst null.'),
  invitedBy: z.string().describe('Name der einladenden Administratorin oder des Administrators.'),
  createdAt: z.string().describe('Eingeladen am (ISO 8601); gültig 14 Tage.'),
});
export type Invitation = z.infer<typeof Invitation>;

export const InvitationSent = z.object({
  invited: z.literal(true).describe('Die Person hat schon ein Konto (einer anderen Kommune): Sie wurde eingeladen und wird Mitglied, sobald sie nach der Anmeldung annimmt.'),
  email: z.string().describe('Die eingeladene Adresse, wie eingegeben.'),
});
export type InvitationSent = z.infer<typeof InvitationSent>;
