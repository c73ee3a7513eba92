/**
 * The words of funding matches and plan checks, in German (the default) and English. The rules that
 * choose a reason live in funding-match.ts and financing.ts; only the wording is here, so both
 * languages always say the same thing. Money and dates are formatted for the language.
 */
import { formatDate, formatMoney, type Locale } from './format';

const APPLICANTS: Record<Locale, Record<string, string>> = {
  de: {
    municipality: 'Kommunen',
    municipal_enterprise: 'kommunale Unternehmen',
    association: 'Vereine und Verbände',
    local_action_group: 'Lokale Aktionsgruppen (LEADER)',
    private: 'Private',
  },
  en: {
    municipality: 'municipalities',
    municipal_enterprise: 'municipal enterprises',
    association: 'associations',
    local_action_group: 'local action groups (LEADER)',
    private: 'private parties',
  },
};

/** Kinds of designated funding areas (district.designations, programme.areaKinds). */
/** The kinds of designated funding area, by language (also the programme sheet's column values). */
export const AREA_KINDS: Record<Locale, Record<string, string>> = {
  de: {
    lebendige_zentren: 'Lebendige Zentren',
    sozialer_zusammenhalt: 'Sozialer Zusammenhalt',
    wachstum_nachhaltige_erneuerung: 'Wachstum und nachhaltige Erneuerung',
    leader: 'LEADER-Gebiet',
    efre: 'EFRE-Gebiet',
    other: 'anderes Fördergebiet',
  },
  en: {
    lebendige_zentren: 'Lebendige Zentren (vibrant centres)',
    sozialer_zusammenhalt: 'Sozialer Zusammenhalt (social cohesion)',
    wachstum_nachhaltige_erneuerung: 'Wachstum und nachhaltige Erneuerung (growth and sustainable renewal)',
    leader: 'LEADER area',
    efre: 'ERDF area',
    other: 'other funding area',
  },
};

const SETTLEMENT: Record<Locale, Record<string, string>> = {
  de: { urban: 'städtisch', rural: 'ländlich' },
  en: { urban: 'urban', rural: 'rural' },
};

export interface MatchTexts {
  applicant(type: string): string;
  /** a kind of designated area, e.g. „Lebendige Zentren“ */
  areaKind(kind: string): string;
  settlement(type: string): string;
  topic(topic: string, where: { tag: string } | { field: string } | 'title' | 'description'): string;
  /** the topics occur only in the description */
  topicWeak(topics: string[]): string;
  noTopic(topics: string[]): string;
  /** no district given although the programme funds only in designated areas of `kinds` (empty: any) */
  areaUnknown(kinds: string[]): string;
  /** the districts lie in no area of the needed kinds */
  areaNotDesignated(names: string[], kinds: string[]): string;
  /** a district is marked as a funding area without saying for which programme */
  areaUnspecified(names: string[], kinds: string[]): string;
  areaDesignated(names: string[], kinds: string[]): string;
  settlementOk(type: string): string;
  settlementUnknown(allowed: string[]): string;
  settlementExcluded(type: string, allowed: string[]): string;
  aboveTypical(basis: number, typicalMax: number): string;
  belowTypical(basis: number, typicalMin: number): string;
  costUnknown(): string;
  costBelowMin(cost: number, min: number): string;
  costAboveMax(cost: number, max: number): string;
  costWithin(cost: number, min: number | null, max: number | null): string;
  applicantOk(type: string): string;
  applicantExcluded(type: string, allowed: string[]): string;
  climateOk(): string;
  climateMissing(): string;
  loan(): string;
  prize(): string;
  rateWeak(percent: number): string;
  windowRolling(): string;
  windowClosed(last: string): string;
  /** a window that opens later (`opensOn`), or is open now; `closesOn` and `note` when known */
  windowOpen(w: { opensOn: string | null; closesOn: string | null; note: string | null; plannedStart: string | null }): string;
  windowAfterStart(firstDay: string, plannedStart: string | null): string;
}

const pct = (n: number, locale: Locale) => (locale === 'de' ? `${String(n).replace('.', ',')} %` : `${n}%`);

const quoteDe = (kinds: string[]) => kinds.map((k) => `„${AREA_KINDS.de[k] ?? k}“`).join(' oder ');
const quoteEn = (kinds: string[]) => kinds.map((k) => `“${AREA_KINDS.en[k] ?? k}”`).join(' or ');
const districtsDe = (names: string[]) => `${names.length === 1 ? 'Stadtteil' : 'Stadtteile'} ${names.join(', ')}`;
const districtsEn = (names: string[]) => `${names.length === 1 ? 'District' : 'Districts'} ${names.join(', ')}`;

const de: MatchTexts = {
  applicant: (t) => APPLICANTS.de[t] ?? t,
  areaKind: (k) => AREA_KINDS.de[k] ?? k,
  settlement: (t) => SETTLEMENT.de[t] ?? t,
  topic: (topic, where) =>
    `Förderthema „${topic}“ passt (${where === 'title' ? 'Titel' : where === 'description' ? 'Beschreibung' : 'tag' in where ? `Schlagwort „${where.tag}“` : `Handlungsfeld „${where.field}“`})`,
  topicWeak: (topics) =>
    `Thema prüfen: ${topics.map((x) => `„${x}“`).join(', ')} ${topics.length === 1 ? 'kommt' : 'kommen'} nur in der Beschreibung vor – ist das der Zweck der Maßnahme?`,
  noTopic: (topics) => `Keines der Förderthemen (${topics.join(', ')}) findet sich in der Maßnahme`,
  areaUnknown: (kinds) =>
    `Fördergebiet prüfen: kein Stadtteil angegeben; das Programm fördert nur in festgelegten Gebieten${kinds.length ? ` (${quoteDe(kinds)})` : ''}`,
  areaNotDesignated: (names, kinds) =>
    `Fördergebiet prüfen: ${districtsDe(names)} ${names.length === 1 ? 'ist' : 'sind'} nicht als ${kinds.length ? `Gebiet ${quoteDe(kinds)}` : 'Fördergebiet'} festgelegt; das Programm fördert nur dort (Festlegung durch den Rat und Aufnahme ins Programm nötig)`,
  areaUnspecified: (names, kinds) =>
    `Fördergebiet prüfen: ${districtsDe(names)} ${names.length === 1 ? 'ist' : 'sind'} als Fördergebiet markiert, aber ohne Angabe des Programms; nötig ist ein Gebiet ${quoteDe(kinds)}`,
  areaDesignated: (names, kinds) =>
    `${districtsDe(names)} ${names.length === 1 ? 'liegt' : 'liegen'} im Fördergebiet${kinds.length ? ` ${quoteDe(kinds)}` : ''}`,
  settlementOk: (t) => `Programm passt zur Kommune (${de.settlement(t)})`,
  settlementUnknown: (allowed) => `Siedlungstyp prüfen: das Programm fördert nur ${allowed.map(de.settlement).join(' oder ')}e Räume; der Siedlungstyp der Kommune ist nicht angegeben`,
  settlementExcluded: (t, allowed) =>
    `Das Programm fördert nur ${allowed.map(de.settlement).join(' oder ')}e Räume; die Kommune ist als ${de.settlement(t)} erfasst und kein Stadtteil liegt in einem passenden Fördergebiet`,
  aboveTypical: (basis, max) =>
    `Förderung typischerweise bis ${formatMoney(max)} je Vorhaben; hier wären es ${formatMoney(basis)} – nur ein Teil ist realistisch`,
  belowTypical: (basis, min) => `Förderung typischerweise ab ${formatMoney(min)} je Vorhaben; hier wären es nur ${formatMoney(basis)}`,
  costUnknown: () => 'Kosten noch nicht geschätzt – Förderhöhe und Förderrahmen offen',
  costBelowMin: (cost, min) => `Kosten ${formatMoney(cost)} unter dem Mindestbetrag von ${formatMoney(min)}`,
  costAboveMax: (cost, max) => `Kosten ${formatMoney(cost)} über dem Höchstbetrag von ${formatMoney(max)} – nur Teilförderung`,
  costWithin: (cost, min, max) => {
    const range = min != null && max != null ? `${formatMoney(min)} bis ${formatMoney(max)}` : min != null ? `ab ${formatMoney(min)}` : `bis ${formatMoney(max)}`;
    return `Kosten ${formatMoney(cost)} im Förderrahmen (${range})`;
  },
  applicantOk: (t) => `Antragsberechtigt: ${de.applicant(t)}`,
  applicantExcluded: (t, allowed) => `${de.applicant(t)} sind nicht antragsberechtigt (nur ${allowed.map(de.applicant).join(', ')})`,
  climateOk: () => 'Klimabezug vorhanden (Klimaschutz/-anpassung ist Fördervoraussetzung)',
  climateMissing: () => 'Klimaschutz/-anpassung muss nachgewiesen werden (Fördervoraussetzung)',
  loan: () => 'Darlehen, kein Zuschuss – muss zurückgezahlt werden',
  prize: () => 'Wettbewerb/Preis – Förderung nur bei Auszeichnung',
  rateWeak: (p) => `Erhöhter Fördersatz ${pct(p, 'de')} für finanzschwache Kommunen`,
  windowRolling: () => 'laufende Antragstellung',
  windowClosed: (last) => `Antragsfrist ${formatDate(last)} ist abgelaufen; kein neues Antragsfenster bekannt`,
  windowOpen: ({ opensOn, closesOn, note, plannedStart }) => {
    const n = note ? ` (${note})` : '';
    const deadline = closesOn ? `, Frist ${formatDate(closesOn)}` : '';
    if (opensOn) return `Antragsfenster öffnet am ${formatDate(opensOn)}${plannedStart ? ` vor dem geplanten Beginn am ${formatDate(plannedStart)}` : ''}${deadline}${n}`;
    return closesOn ? `Antragsfenster offen${deadline}${n}` : `Antragsfenster offen, laufende Antragstellung${n}`;
  },
  windowAfterStart: (firstDay, plannedStart) =>
    `Antrag erst ab ${formatDate(firstDay)} möglich, nach dem geplanten Beginn am ${formatDate(plannedStart)} – Beginn verschieben oder vorzeitigen Maßnahmebeginn beantragen`,
};

const m = (c: number) => formatMoney(c, 'en');
const d = (s: string | null) => formatDate(s, 'en');
const en: MatchTexts = {
  applicant: (t) => APPLICANTS.en[t] ?? t,
  areaKind: (k) => AREA_KINDS.en[k] ?? k,
  settlement: (t) => SETTLEMENT.en[t] ?? t,
  topic: (topic, where) =>
    `Funding topic “${topic}” fits (${where === 'title' ? 'title' : where === 'description' ? 'description' : 'tag' in where ? `tag “${where.tag}”` : `field of action “${where.field}”`})`,
  topicWeak: (topics) =>
    `Check the topic: ${topics.map((x) => `“${x}”`).join(', ')} ${topics.length === 1 ? 'appears' : 'appear'} only in the description – is that what the measure is for?`,
  noTopic: (topics) => `None of the funding topics (${topics.join(', ')}) is found in the measure`,
  areaUnknown: (kinds) =>
    `Check the funding area: no district given; the programme funds only in designated areas${kinds.length ? ` (${quoteEn(kinds)})` : ''}`,
  areaNotDesignated: (names, kinds) =>
    `Check the funding area: ${districtsEn(names)} ${names.length === 1 ? 'is' : 'are'} not designated as ${kinds.length ? `a ${quoteEn(kinds)} area` : 'a funding area'}; the programme funds only there (council designation and admission to the programme needed)`,
  areaUnspecified: (names, kinds) =>
    `Check the funding area: ${districtsEn(names)} ${names.length === 1 ? 'is' : 'are'} marked as a funding area without the programme; a ${quoteEn(kinds)} area is needed`,
  areaDesignated: (names, kinds) =>
    `${districtsEn(names)} ${names.length === 1 ? 'is' : 'are'} in a designated funding area${kinds.length ? ` (${quoteEn(kinds)})` : ''}`,
  settlementOk: (t) => `The programme suits the municipality (${en.settlement(t)})`,
  settlementUnknown: (allowed) => `Check the settlement type: the programme funds only ${allowed.map(en.settlement).join(' or ')} areas; the municipality's settlement type is not given`,
  settlementExcluded: (t, allowed) =>
    `The programme funds only ${allowed.map(en.settlement).join(' or ')} areas; the municipality is recorded as ${en.settlement(t)} and no district lies in a suitable funding area`,
  aboveTypical: (basis, max) => `Grants are typically up to ${m(max)} per project; here it would be ${m(basis)} – only part of it is realistic`,
  belowTypical: (basis, min) => `Grants are typically from ${m(min)} per project; here it would be only ${m(basis)}`,
  costUnknown: () => 'Cost not estimated yet – grant and funding limits open',
  costBelowMin: (cost, min) => `Cost ${m(cost)} below the minimum of ${m(min)}`,
  costAboveMax: (cost, max) => `Cost ${m(cost)} above the maximum of ${m(max)} – partial funding only`,
  costWithin: (cost, min, max) => {
    const range = min != null && max != null ? `${m(min)} to ${m(max)}` : min != null ? `from ${m(min)}` : `up to ${m(max!)}`;
    return `Cost ${m(cost)} within the funding limits (${range})`;
  },
  applicantOk: (t) => `Eligible applicants: ${en.applicant(t)}`,
  applicantExcluded: (t, allowed) => `${en.applicant(t)} are not eligible to apply (only ${allowed.map(en.applicant).join(', ')})`,
  climateOk: () => 'Climate reference present (climate protection/adaptation is a condition)',
  climateMissing: () => 'Climate protection/adaptation must be shown (a condition of the programme)',
  loan: () => 'Loan, not a grant – must be repaid',
  prize: () => 'Competition/prize – funding only if awarded',
  rateWeak: (p) => `Higher funding rate of ${pct(p, 'en')} for financially weak municipalities`,
  windowRolling: () => 'Rolling applications',
  windowClosed: (last) => `Application deadline ${d(last)} has passed; no new application window known`,
  windowOpen: ({ opensOn, closesOn, note, plannedStart }) => {
    const n = note ? ` (${note})` : '';
    const deadline = closesOn ? `, deadline ${d(closesOn)}` : '';
    if (opensOn) return `Application window opens on ${d(opensOn)}${plannedStart ? ` before the planned start on ${d(plannedStart)}` : ''}${deadline}${n}`;
    return closesOn ? `Application window open${deadline}${n}` : `Application window open, rolling applications${n}`;
  },
  windowAfterStart: (firstDay, plannedStart) =>
    `Application possible only from ${d(firstDay)}, after the planned start on ${d(plannedStart)} – postpone the start or apply for an early start of the measure`,
};

export const MATCH_TEXTS: Record<Locale, MatchTexts> = { de, en };

export interface PlanTexts {
  /** "Quelle 2 (Haushalt der Kommune)": `name` is the programme's name, or null for the kind's label */
  source(index: number, kind: 'programme' | 'municipal_budget' | 'third_party', name: string | null): string;
  costUnknown(): string;
  overFunded(cost: number, over: number): string;
  gap(gap: number, cost: number): string;
  programmeMissing(source: string): string;
  yearOutOfRange(source: string, year: string, min: number, max: number): string;
  amountInvalid(source: string, year: string): string;
  negativeAmount(source: string, year: string, amount: number): string;
  nonIntegerAmount(source: string, year: string): string;
  deadlineAfterStart(source: string, deadline: string, start: string): string;
  deadlinePassed(source: string, deadline: string): string;
  aboveProgrammeMax(source: string, total: number, max: number): string;
  aboveTypical(source: string, total: number, typical: number): string;
}

const KINDS = {
  de: { programme: 'Förderprogramm', municipal_budget: 'Haushalt der Kommune', third_party: 'Dritte' },
  en: { programme: 'funding programme', municipal_budget: 'municipal budget', third_party: 'third parties' },
};

const planDe: PlanTexts = {
  source: (i, kind, name) => `Quelle ${i + 1} (${kind === 'programme' && name ? name : KINDS.de[kind]})`,
  costUnknown: () => 'Die Kosten der Maßnahme sind noch nicht geschätzt – ob die Quellen sie decken, lässt sich nicht prüfen.',
  overFunded: (cost, over) => `Die Quellen übersteigen die Kosten (${formatMoney(cost)}) um ${formatMoney(over)}.`,
  gap: (gap, cost) => `Es fehlen ${formatMoney(gap)} bis zu den Kosten (${formatMoney(cost)}); die Lücke trägt bisher die Kommune als Eigenanteil.`,
  programmeMissing: (s) => `${s}: Förderprogramm ist nicht ausgewählt.`,
  yearOutOfRange: (s, year, min, max) => `${s}: Jahr „${year}“ liegt außerhalb von ${min}–${max}.`,
  amountInvalid: (s, year) => `${s}: Betrag für ${year} ist keine Zahl.`,
  negativeAmount: (s, year, amount) => `${s}: Betrag für ${year} ist negativ (${formatMoney(amount)}).`,
  nonIntegerAmount: (s, year) => `${s}: Betrag für ${year} ist kein ganzer Centbetrag.`,
  deadlineAfterStart: (s, deadline, start) =>
    `${s}: Antragsfrist ${formatDate(deadline)} liegt nach dem geplanten Beginn am ${formatDate(start)} – Antrag vor Beginn stellen oder vorzeitigen Maßnahmebeginn beantragen.`,
  deadlinePassed: (s, deadline) => `${s}: Antragsfrist ${formatDate(deadline)} ist abgelaufen, der Antrag ist aber noch nicht gestellt.`,
  aboveProgrammeMax: (s, total, max) => `${s}: ${formatMoney(total)} liegen über dem Höchstbetrag des Programms von ${formatMoney(max)}.`,
  aboveTypical: (s, total, typical) =>
    `${s}: ${formatMoney(total)} liegen weit über der typischen Förderung von bis zu ${formatMoney(typical)} je Vorhaben – Höhe mit dem Fördergeber klären oder weitere Quellen einplanen.`,
};

const planEn: PlanTexts = {
  source: (i, kind, name) => `Source ${i + 1} (${kind === 'programme' && name ? name : KINDS.en[kind]})`,
  costUnknown: () => 'The cost of the measure is not estimated yet – whether the sources cover it cannot be checked.',
  overFunded: (cost, over) => `The sources exceed the cost (${m(cost)}) by ${m(over)}.`,
  gap: (gap, cost) => `${m(gap)} are missing up to the cost (${m(cost)}); so far the municipality bears the gap as its own share.`,
  programmeMissing: (s) => `${s}: no funding programme chosen.`,
  yearOutOfRange: (s, year, min, max) => `${s}: year “${year}” is outside ${min}–${max}.`,
  amountInvalid: (s, year) => `${s}: the amount for ${year} is not a number.`,
  negativeAmount: (s, year, amount) => `${s}: the amount for ${year} is negative (${m(amount)}).`,
  nonIntegerAmount: (s, year) => `${s}: the amount for ${year} is not a whole number of cents.`,
  deadlineAfterStart: (s, deadline, start) =>
    `${s}: the application deadline ${d(deadline)} is after the planned start on ${d(start)} – apply before the start or apply for an early start of the measure.`,
  deadlinePassed: (s, deadline) => `${s}: the application deadline ${d(deadline)} has passed, but the application has not been made.`,
  aboveProgrammeMax: (s, total, max) => `${s}: ${m(total)} is above the programme's maximum of ${m(max)}.`,
  aboveTypical: (s, total, typical) =>
    `${s}: ${m(total)} is far above the typical grant of up to ${m(typical)} per project – clarify the amount with the funder or plan further sources.`,
};

export const PLAN_TEXTS: Record<Locale, PlanTexts> = { de: planDe, en: planEn };
