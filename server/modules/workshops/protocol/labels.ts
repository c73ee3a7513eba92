/** Texts and value formatting shared by the protocol as PDF and as Word document. */
import { formatDate, formatDateTime, formatMoney, type Locale } from '../../../../domain/format';
import { berlinDay, cleanText, EMPTY } from '../../measures/documents/brief-fields';
import type { ProtocolRound, ProtocolRow, ProtocolView } from './types';

export { EMPTY, formatMoney };

const T = {
  de: {
    protocol: 'Protokoll',
    date: 'Datum',
    place: 'Ort',
    online: 'Online',
    facilitators: 'Moderation',
    participantCount: 'Teilnehmende',
    generated: 'Erstellt am',
    agenda: 'Ablauf',
    participants: 'Teilnehmende',
    name: 'Name',
    group: 'Gruppe',
    guest: 'Gast',
    noGroup: 'ohne Gruppe',
    groups: 'Gruppen und Steckbriefe',
    number: 'Nr.',
    brief: 'Steckbrief',
    cost: 'Kosten',
    need: 'Bedarf',
    goal: 'Ziel',
    noBriefs: 'In dieser Gruppe wurden keine Steckbriefe erfasst.',
    noParticipants: 'Es sind keine Teilnehmenden erfasst.',
    noGroups: 'Es wurden keine Gruppen gebildet.',
    noRounds: 'Es fanden keine Abstimmungsrunden statt.',
    round: 'Runde',
    voting: 'Punkteabfrage',
    runoff: 'Stichwahl',
    subject: 'Gegenstand',
    status: 'Status',
    opened: 'Geöffnet',
    closed: 'Geschlossen',
    rules: 'Regeln',
    eligible: 'Stimmberechtigt',
    voters: 'Abgestimmt',
    totalDots: 'Vergebene Punkte',
    result: 'Ergebnis',
    ranking: 'Rangfolge',
    rank: 'Rang',
    entry: 'Eintrag',
    dots: 'Punkte',
    supporters: 'Unterstützende',
    share: 'Anteil %',
    noDots: 'In dieser Runde wurden keine Punkte vergeben.',
    tie: 'Gleichstand',
    chosen: 'gewählt',
    decision: 'Entscheidung der Moderation',
    decisionChosen: 'Gewählt',
    decisionReason: 'Begründung',
    decidedBy: 'Entschieden von',
    decidedAt: 'am',
    photos: 'Fotoprotokoll',
    figure: 'Abb.',
    photoUnsupported: 'Das Foto liegt in einem Format vor, das nicht eingebettet werden kann',
    page: 'Seite',
    of: 'von',
    legendSelected: 'ausgewählt',
    legendTie: 'Gleichstand an der Grenze',
    legendOther: 'weitere Einträge',
    chartTitle: 'Punkte je Eintrag',
    moreRows: 'weitere Einträge siehe Tabelle',
    tableNote: 'fett und hinterlegt: ausgewählt · gestrichelte Linie: Grenze der',
  },
  en: {
    protocol: 'Protocol',
    date: 'Date',
    place: 'Place',
    online: 'Online',
    facilitators: 'Facilitation',
    participantCount: 'Participants',
    generated: 'Generated on',
    agenda: 'Agenda',
    participants: 'Participants',
    name: 'Name',
    group: 'Group',
    guest: 'Guest',
    noGroup: 'no group',
    groups: 'Groups and briefs',
    number: 'No.',
    brief: 'Brief',
    cost: 'Cost',
    need: 'Need',
    goal: 'Objective',
    noBriefs: 'No briefs were written in this group.',
    noParticipants: 'No participants are recorded.',
    noGroups: 'No groups were formed.',
    noRounds: 'No voting rounds took place.',
    round: 'Round',
    voting: 'Dot voting',
    runoff: 'Run-off',
    subject: 'Subject',
    status: 'Status',
    opened: 'Opened',
    closed: 'Closed',
    rules: 'Rules',
    eligible: 'Eligible',
    voters: 'Voted',
    totalDots: 'Dots placed',
    result: 'Result',
    ranking: 'Ranking',
    rank: 'Rank',
    entry: 'Entry',
    dots: 'Dots',
    supporters: 'Supporters',
    share: 'Share %',
    noDots: 'No dots were placed in this round.',
    tie: 'tie',
    chosen: 'chosen',
    decision: "Facilitator's decision",
    decisionChosen: 'Chosen',
    decisionReason: 'Reason',
    decidedBy: 'Decided by',
    decidedAt: 'on',
    photos: 'Photo record',
    figure: 'Fig.',
    photoUnsupported: 'The photo is in a format that cannot be embedded',
    page: 'Page',
    of: 'of',
    legendSelected: 'selected',
    legendTie: 'tie at the cut',
    legendOther: 'other entries',
    chartTitle: 'Dots per entry',
    moreRows: 'more entries in the table',
    tableNote: 'bold and shaded: selected · dashed line: cut of the',
  },
} as const;

export type ProtocolTexts = (typeof T)[Locale];
export const protocolTexts = (locale: Locale): ProtocolTexts => T[locale];

/** Trimmed text without characters XML cannot hold; `–` when empty. */
export const text = (s: string | null | undefined): string => (s && s.trim() ? cleanText(s.trim()) : EMPTY);
/** The lines of a free text (agenda, reasons), cleaned; runs of empty lines become one. */
export function lines(s: string | null | undefined): string[] {
  const body = cleanText(s ?? '').trim();
  if (!body) return [];
  const all = body.replace(/\t/g, '    ').split('\n').map((l) => l.trimEnd());
  return all.filter((l, i) => l !== '' || all[i - 1] !== '');
}

export const topLabel = (n: number): string => `Top ${n}`;

/** `22.06.2023`, or `22.06.2023 – 23.06.2023` for a workshop over several days. */
export function dateRange(startsOn: string | null, endsOn: string | null, locale: Locale): string {
  if (startsOn && endsOn && endsOn !== startsOn) return `${formatDate(startsOn, locale)} – ${formatDate(endsOn, locale)}`;
  return formatDate(startsOn ?? endsOn, locale);
}

export const dateTime = (iso: string | null, locale: Locale): string => (iso ? formatDateTime(iso, locale) : EMPTY);
export const generatedOn = (at: Date, locale: Locale): string => formatDate(berlinDay(at), locale);

export function formatInt(n: number, locale: Locale): string {
  return n.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB');
}

/** `share` is a fraction (0.127) → `12,7` (de) / `12.7` (en); the column header carries the "%". */
export function formatShare(share: number, locale: Locale): string {
  const pct = Number.isFinite(share) ? share * 100 : 0;
  return pct.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** `21 (100 %)` – how many of the eligible took part. */
export function votersLabel(r: ProtocolRound, locale: Locale): string {
  if (r.eligible <= 0) return formatInt(r.voters, locale);
  const pct = Math.round((r.voters / r.eligible) * 100);
  return `${formatInt(r.voters, locale)} (${pct}${locale === 'de' ? ' %' : '%'})`;
}

/** "Gleichstand an der Grenze der Top 5: A, B – 1 Platz offen" */
export function cutTieNote(r: ProtocolRound, locale: Locale): string | null {
  if (!r.cutTie) return null;
  const names = r.cutTie.candidates.map((c) => text(c)).join(', ');
  const n = r.cutTie.seatsLeft;
  if (locale === 'de') return `Gleichstand an der Grenze der ${topLabel(r.topN)}: ${names} – ${n} ${n === 1 ? 'Platz' : 'Plätze'} offen`;
  return `Tie at the cut of the ${topLabel(r.topN)}: ${names} – ${n} ${n === 1 ? 'place' : 'places'} open`;
}

export function runoffNote(r: ProtocolRound, locale: Locale): string | null {
  if (!r.runoffOf) return null;
  return locale === 'de'
    ? `Stichwahl zum Gleichstand in der Runde „${text(r.runoffOf)}“`
    : `Run-off for the tie in the round “${text(r.runoffOf)}”`;
}

/** "Steffi Muster, 18.12.2019, 17:45" */
export function decisionByLine(d: NonNullable<ProtocolRound['decision']>, locale: Locale): string {
  const t = T[locale];
  return `${t.decidedBy} ${text(d.by)} ${t.decidedAt} ${dateTime(d.at, locale)}`;
}

export function roundKind(r: ProtocolRound, locale: Locale): string {
  return r.runoffOf ? T[locale].runoff : T[locale].voting;
}

/** Labels tied at the cut, for quick lookup. */
export const tiedSet = (r: ProtocolRound): Set<string> => new Set(r.cutTie?.candidates ?? []);

/**
 * Rows in display order: the given (rank) order, except that within a shared rank ("5=", equal dots and
 * supporters) the selected rows come first – so after a decision the chosen entries stand above the
 * Top-N line.
 */
export function displayRows(rows: readonly ProtocolRow[]): ProtocolRow[] {
  const sameRank = (a: ProtocolRow, b: ProtocolRow) => a.rankLabel === b.rankLabel && a.dots === b.dots;
  const out: ProtocolRow[] = [];
  let i = 0;
  while (i < rows.length) {
    let j = i + 1;
    while (j < rows.length && sameRank(rows[j], rows[i])) j++;
    const run = rows.slice(i, j);
    out.push(...run.filter((r) => r.selected), ...run.filter((r) => !r.selected));
    i = j;
  }
  return out;
}

export const participantSummary = (v: ProtocolView, locale: Locale): string => {
  const guests = v.participants.filter((p) => p.guest).length;
  const n = formatInt(v.participants.length, locale);
  if (!guests) return n;
  return locale === 'de' ? `${n}, davon ${formatInt(guests, locale)} ${guests === 1 ? 'Gast' : 'Gäste'}` : `${n}, ${formatInt(guests, locale)} of them ${guests === 1 ? 'guest' : 'guests'}`;
};
