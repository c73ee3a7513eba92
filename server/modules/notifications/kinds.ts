/**
 * The catalogue of notification kinds: the e-mail default of each, whether something emits it yet, and
 * its sentence in German and English. Params are the values the sentence names (stored with the
 * notification, so the text follows the reader's language, not the writer's).
 */
import type { NotificationKind, NotificationMode } from '../../../contract/notifications';
import { NOTIFICATION_KINDS } from '../../../contract/notifications';

export type Lang = 'de' | 'en';
type P = Record<string, unknown>;
const s = (v: unknown) => (v == null ? '' : String(v));
const count = (n: unknown, one: string, many: string) => (Number(n) === 1 ? one : many.replace('#', s(n)));
/** "Nr. 3 „Radweg“, Nr. 7 „Marktplatz“" from a cycle notification's list of measures */
const measures = (list: unknown, lang: Lang) =>
  (Array.isArray(list) ? (list as { number: unknown; title: unknown }[]) : [])
    .map((m) => (lang === 'de' ? `Nr. ${s(m.number)} „${s(m.title)}“` : `no. ${s(m.number)} “${s(m.title)}”`))
    .join(', ');

interface KindDef {
  /** e-mail by default: what a person gets until they choose */
  default: NotificationMode;
  /** false: registered for the preferences, but nothing in the app emits it yet */
  emitted: boolean;
  label: Record<Lang, string>;
  title: Record<Lang, (p: P) => string>;
}

export const KINDS: Record<NotificationKind, KindDef> = {
  measure_lead_assigned: {
    default: 'immediate',
    emitted: true,
    label: { de: 'Federführung für eine Maßnahme übertragen', en: 'Lead of a measure assigned' },
    title: {
      de: (p) => `Ihr Amt ${s(p.department)} ist jetzt federführend für Maßnahme Nr. ${s(p.number)} „${s(p.title)}“.`,
      en: (p) => `Your department ${s(p.department)} now leads measure no. ${s(p.number)} “${s(p.title)}”.`,
    },
  },
  measure_partner_assigned: {
    default: 'immediate',
    emitted: true,
    label: { de: 'Mitwirkung an einer Maßnahme', en: 'Partner in a measure' },
    title: {
      de: (p) => `Ihr Amt ${s(p.department)} wirkt jetzt an Maßnahme Nr. ${s(p.number)} „${s(p.title)}“ mit.`,
      en: (p) => `Your department ${s(p.department)} is now a partner in measure no. ${s(p.number)} “${s(p.title)}”.`,
    },
  },
  funding_deadline: {
    default: 'immediate',
    emitted: true,
    label: { de: 'Antragsfristen (Förderung)', en: 'Application deadlines (funding)' },
    title: {
      de: (p) => `Antragsfrist ${Number(p.daysLeft) === 0 ? 'heute' : Number(p.daysLeft) === 1 ? 'morgen' : `in ${s(p.daysLeft)} Tagen`} (${s(p.dateDe)}): ${s(p.source)} – Maßnahme Nr. ${s(p.number)} „${s(p.title)}“.`,
      en: (p) => `Application deadline ${Number(p.daysLeft) === 0 ? 'today' : Number(p.daysLeft) === 1 ? 'tomorrow' : `in ${s(p.daysLeft)} days`} (${s(p.date)}): ${s(p.source)} – measure no. ${s(p.number)} “${s(p.title)}”.`,
    },
  },
  saved_search_match: {
    default: 'immediate',
    emitted: true,
    label: { de: 'Neue Treffer gespeicherter Suchen (Förderung)', en: 'New matches of saved searches (funding)' },
    title: {
      de: (p) => `Gespeicherte Suche „${s(p.search)}“: ${count(p.count, 'eine neue Fördermöglichkeit', '# neue Fördermöglichkeiten')}.`,
      en: (p) => `Saved search “${s(p.search)}”: ${count(p.count, 'one new funding match', '# new funding matches')}.`,
    },
  },
  status_report_requested: {
    default: 'immediate',
    emitted: true, // opening a reporting cycle: one per member of each lead department, listing its measures
    label: { de: 'Statusbericht angefordert', en: 'Status report requested' },
    title: {
      de: (p) => p.cycle
        ? `Berichtszyklus ${s(p.cycle)}: Bitte berichten Sie bis ${s(p.dueOnDe)} zu den Maßnahmen Ihres Amtes ${s(p.department)}: ${measures(p.measures, 'de')}.`
        : `Statusbericht angefordert für Maßnahme Nr. ${s(p.number)} „${s(p.title)}“.`,
      en: (p) => p.cycle
        ? `Reporting cycle ${s(p.cycle)}: please report by ${s(p.dueOn)} on the measures of your department ${s(p.department)}: ${measures(p.measures, 'en')}.`
        : `Status report requested for measure no. ${s(p.number)} “${s(p.title)}”.`,
    },
  },
  status_report_overdue: {
    default: 'immediate',
    emitted: true, // a reporting cycle's reminder to a department still missing reports
    label: { de: 'Statusbericht überfällig', en: 'Status report overdue' },
    title: {
      de: (p) => p.cycle
        ? `Erinnerung zum Berichtszyklus ${s(p.cycle)} (fällig am ${s(p.dueOnDe)}): ${count(p.count, 'Ein Bericht Ihres Amtes fehlt', '# Berichte Ihres Amtes fehlen')} noch: ${measures(p.measures, 'de')}.`
        : `Der Statusbericht für Maßnahme Nr. ${s(p.number)} „${s(p.title)}“ ist überfällig.`,
      en: (p) => p.cycle
        ? `Reminder for reporting cycle ${s(p.cycle)} (due ${s(p.dueOn)}): ${count(p.count, 'one report of your department is', '# reports of your department are')} still missing: ${measures(p.measures, 'en')}.`
        : `The status report for measure no. ${s(p.number)} “${s(p.title)}” is overdue.`,
    },
  },
  recommendation_addressed: {
    default: 'digest',
    emitted: false,
    label: { de: 'Empfehlung an mein Amt', en: 'Recommendation addressed to my department' },
    title: {
      de: (p) => `Eine Empfehlung richtet sich an Ihr Amt: ${s(p.title)}.`,
      en: (p) => `A recommendation is addressed to your department: ${s(p.title)}.`,
    },
  },
  measure_comment: {
    default: 'digest',
    emitted: true, // a comment on a status report (monitoring)
    label: { de: 'Kommentar zu meiner Maßnahme', en: 'Comment on my measure' },
    title: {
      de: (p) => `Neuer Kommentar zu Maßnahme Nr. ${s(p.number)} „${s(p.title)}“.`,
      en: (p) => `New comment on measure no. ${s(p.number)} “${s(p.title)}”.`,
    },
  },
  citizen_idea_to_moderate: {
    default: 'digest',
    emitted: false,
    label: { de: 'Bürgeridee zu moderieren', en: 'Citizen idea to moderate' },
    title: {
      de: (p) => `Eine neue Bürgeridee wartet auf Moderation: ${s(p.title)}.`,
      en: (p) => `A new citizen idea awaits moderation: ${s(p.title)}.`,
    },
  },
  membership_invitation: {
    default: 'immediate',
    emitted: true,
    label: { de: 'Einladung in eine andere Kommune', en: 'Invitation into another municipality' },
    title: {
      de: (p) => `${s(p.invitedBy)} lädt Sie als ${s(p.roleDe)} in die Kommune ${s(p.municipality)} ein. Annehmen oder ablehnen: unter „Benachrichtigungen“.`,
      en: (p) => `${s(p.invitedBy)} invites you as ${s(p.roleEn)} into the municipality ${s(p.municipality)}. Accept or decline under “Notifications”.`,
    },
  },
};

export const isKind = (k: string): k is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(k);

/** The sentence of a stored notification in the reader's language (a kind unknown to this version shows its name). */
export function renderTitle(kind: string, params: P, lang: Lang): string {
  return isKind(kind) ? KINDS[kind].title[lang](params) : kind;
}
