import type { Content, TableCell } from 'pdfmake/interfaces';
import { ACCENT, KEY_FILL, MUTED, render } from '../measures/documents/brief-pdf';
import type { PersonalData } from './export.service';
import { ROLE_LABELS } from '../../../domain/labels';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '../../../domain/audit-labels';

type Lang = 'de' | 'en';
const T = {
  de: {
    title: 'Auskunft über gespeicherte Daten', intro: 'Nach Art. 15 DS-GVO: alle Daten, die Roter Faden zu dieser Person speichert. Die maschinenlesbare Fassung (JSON) enthält dieselben Angaben vollständig.',
    generated: 'Erstellt', municipality: 'Kommune', round: 'Runde', item: 'Eintrag', time: 'Zeit', event: 'Ereignis', object: 'Objekt', body: 'Gremium', decidedOn: 'Beschlossen am', note: 'Notiz', kind: 'Art', account: 'Konto', name: 'Name', email: 'E-Mail', locale: 'Sprache', since: 'Angelegt', twoFactor: 'Zweiter Faktor', on: 'an', off: 'aus',
    memberships: 'Mitgliedschaften', role: 'Rolle', department: 'Amt', sessions: 'Sitzungen', lastActive: 'Zuletzt aktiv', browser: 'Browser', address: 'Netz',
    tokens: 'API-Tokens (ohne die Tokens selbst)', readOnly: 'nur lesen', expires: 'Läuft ab', lastUsed: 'Zuletzt benutzt',
    measures: 'Angelegte oder geänderte Maßnahmen', created: 'angelegt', changes: 'Änderungen', scores: 'Abgegebene Bewertungen', value: 'Wert',
    workshops: 'Teilnahme an Workshops', group: 'Gruppe', dots: 'Gesetzte Punkte', searches: 'Gespeicherte Suchen', decisions: 'Festgehaltene Beschlüsse',
    reports: 'Verfasste Statusberichte', progress: 'Fortschritt', reportComments: 'Kommentare zu Statusberichten', indicatorValues: 'Eingetragene Indikatorwerte', indicator: 'Indikator', measuredOn: 'Gemessen am',
    notifications: 'Benachrichtigungen', activity: 'Protokoll der eigenen Aktivität (neueste zuerst, bis 200 Einträge; vollständig im JSON)', none: 'Keine.', yes: 'ja', no: 'nein',
  },
  en: {
    title: 'Personal data held', intro: 'Under Art. 15 GDPR: all data Roter Faden holds about this person. The machine-readable version (JSON) holds the same in full.',
    generated: 'Generated', municipality: 'Municipality', round: 'Round', item: 'Item', time: 'Time', event: 'Event', object: 'Object', body: 'Body', decidedOn: 'Decided on', note: 'Note', kind: 'Kind', account: 'Account', name: 'Name', email: 'E-mail', locale: 'Language', since: 'Created', twoFactor: 'Two-factor sign-in', on: 'on', off: 'off',
    memberships: 'Memberships', role: 'Role', department: 'Department', sessions: 'Sessions', lastActive: 'Last active', browser: 'Browser', address: 'Network',
    tokens: 'API tokens (without the tokens themselves)', readOnly: 'read only', expires: 'Expires', lastUsed: 'Last used',
    measures: 'Measures created or changed', created: 'created', changes: 'Changes', scores: 'Scores given', value: 'Value',
    workshops: 'Workshop participation', group: 'Group', dots: 'Dots placed', searches: 'Saved searches', decisions: 'Decisions recorded',
    reports: 'Status reports written', progress: 'Progress', reportComments: 'Comments on status reports', indicatorValues: 'Indicator values entered', indicator: 'Indicator', measuredOn: 'Measured on',
    notifications: 'Notifications', activity: 'Own activity in the audit trail (newest first, up to 200 entries; complete in the JSON)', none: 'None.', yes: 'yes', no: 'no',
  },
} as const;

const when = (iso: string | null | undefined, lang: Lang) =>
  iso ? new Date(iso).toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' }) : '–';
const str = (v: unknown) => (v == null || v === '' ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function table(head: string[], rows: unknown[][], none: string): Content {
  if (!rows.length) return { text: none, italics: true, color: MUTED, margin: [0, 0, 0, 6] };
  const body: TableCell[][] = [
    head.map((h) => ({ text: h, bold: true, fillColor: KEY_FILL })),
    ...rows.map((r) => r.map((c) => ({ text: str(c).slice(0, 500) }))),
  ];
  return { table: { headerRows: 1, widths: head.map(() => '*'), body }, fontSize: 8, margin: [0, 0, 0, 8] };
}

const heading = (text: string): Content => ({ text, bold: true, fontSize: 11, color: ACCENT, margin: [0, 8, 0, 4] });

/** The readable counterpart of the JSON export, in German or English. */
export async function personalDataPdf(d: PersonalData, lang: Lang): Promise<Buffer> {
  const t = T[lang];
  const a = d.account;
  const content: Content[] = [
    { text: `${t.title}: ${a.name}`, fontSize: 14, bold: true, color: ACCENT },
    { text: `${t.generated}: ${when(d.generatedAt, lang)}`, color: MUTED, margin: [0, 2, 0, 4] },
    { text: t.intro, margin: [0, 0, 0, 6] },
    heading(t.account),
    // One field a line: an e-mail address has no place to wrap in a narrow column.
    {
      table: {
        widths: [120, '*'],
        body: ([[t.name, a.name], [t.email, a.email], [t.locale, a.locale], [t.since, when(a.createdAt, lang)], [t.twoFactor, a.twoFactor.on ? t.on : t.off]] as string[][])
          .map(([k, v]) => [{ text: k, bold: true, fillColor: KEY_FILL }, { text: v }]),
      },
      fontSize: 8,
      margin: [0, 0, 0, 8],
    },
    heading(t.memberships),
    table([t.municipality, t.role, t.department, t.since], d.memberships.map((m) => [m.municipality, ROLE_LABELS[String(m.role)]?.[lang] ?? m.role, m.department, when(m.since, lang)]), t.none),
    heading(t.sessions),
    table([t.since, t.lastActive, t.browser, t.address], d.sessions.map((s) => [when(s.createdAt, lang), when(s.lastActiveAt, lang), s.userAgent, s.address]), t.none),
    heading(t.tokens),
    table([t.name, t.readOnly, t.since, t.expires, t.lastUsed], d.apiTokens.map((k) => [k.name, k.readOnly ? t.yes : t.no, when(k.createdAt, lang), when(k.expiresAt, lang), when(k.lastUsedAt, lang)]), t.none),
    heading(t.measures),
    table(['Nr.', t.name, t.created, t.changes], d.measures.map((m) => [m.number, m.title, m.created ? t.yes : t.no, m.changes]), t.none),
    heading(t.scores),
    table([t.round, 'Nr.', t.name, t.value], d.scores.map((s) => [s.round, s.measureNumber, s.measure, s.value]), t.none),
    heading(t.workshops),
    table(['Workshop', t.name, t.group, t.since], d.workshopParticipations.map((p) => [p.workshop, p.name, p.group, when(p.joinedAt, lang)]), t.none),
    heading(t.dots),
    table(['Workshop', t.round, t.item, t.time], d.dots.map((x) => [x.workshop, x.round, x.item, when(x.placedAt, lang)]), t.none),
    heading(t.searches),
    table([t.name, t.since], d.savedSearches.map((s) => [s.name, when(s.createdAt, lang)]), t.none),
    heading(t.decisions),
    table([t.body, t.decidedOn, t.note], d.decisionsRecorded.map((x) => [x.body, x.decidedOn, x.note]), t.none),
    heading(t.reports),
    table(['Nr.', t.name, t.progress, t.time], d.statusReports.map((r) => [r.measureNumber, r.measure, `${String(r.progress)} %`, when(r.createdAt, lang)]), t.none),
    heading(t.reportComments),
    table(['Nr.', t.name, t.note, t.time], d.reportComments.map((c) => [c.measureNumber, c.measure, c.body, when(c.createdAt, lang)]), t.none),
    heading(t.indicatorValues),
    table([t.indicator, t.measuredOn, t.value, t.note], d.indicatorValues.map((v) => [v.indicator, v.measuredOn, v.value, v.note]), t.none),
    heading(t.notifications),
    table([t.kind, t.time], d.notifications.map((n) => [str((n as Record<string, unknown>).kind), str((n as Record<string, unknown>).created_at)]), t.none),
    heading(t.activity),
    table([t.time, t.event, t.object, t.changes], d.activity.slice(0, 200).map((e) => [when(e.at, lang), AUDIT_ACTION_LABELS[String(e.action)]?.[lang] ?? e.action, AUDIT_ENTITY_LABELS[String(e.entityType)]?.[lang] ?? e.entityType, str(e.changes).slice(0, 200)]), t.none),
  ];
  return render({ content, defaultStyle: { font: 'Roboto', fontSize: 9 }, pageMargins: [40, 40, 40, 40], info: { title: `${t.title}: ${a.name}` } }).toBuffer();
}
