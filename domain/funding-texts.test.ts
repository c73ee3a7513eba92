import { describe, expect, it } from 'vitest';
import { matchProgramme, type MatchContext, type MatchMeasure, type MatchProgramme } from './funding-match';
import { planProblems, type PlanSource } from './financing';

/**
 * Reasons and plan problems in English: every code that German produces has an English wording, with
 * money and dates in the English format, and German stays the default.
 */
const de: MatchContext = { applicantType: 'municipality', financiallyWeak: true, today: '2026-03-01' };
const en: MatchContext = { ...de, locale: 'en' };

const measure = (over: Partial<MatchMeasure> = {}): MatchMeasure => ({
  costCents: 50_000_00, plannedStart: '2026-05-01', tags: ['Sport'], actionFieldNames: [], title: 'Halle', description: '',
  districts: [{ name: 'Altstadt', designations: [] }], ...over,
});
const programme = (over: Partial<MatchProgramme> = {}): MatchProgramme => ({
  id: 'p', name: 'P', kind: 'grant', ratePercent: 50, rateWeakPercent: 75.5, minAmountCents: 100_000_00, maxAmountCents: null,
  applicants: ['association'], topics: ['Sport'], requiresDesignatedArea: true, climateRequirement: true,
  windows: [{ opensOn: null, closesOn: '2026-01-15', note: '' }], ...over,
});

// Scenarios that together produce every reason code.
const scenarios: [MatchMeasure, MatchProgramme][] = [
  [measure(), programme()], // topic (tag), area_not_designated, cost_below_min, applicant_excluded, window_closed, climate_missing, rate_weak
  [measure({ districts: [], costCents: null, tags: [], title: 'Klima' }), programme({ kind: 'loan', topics: ['Kultur'], windows: [], applicants: [] })], // area_unknown, cost_unknown, no_topic, loan, window_rolling, climate_ok
  [measure({ districts: [{ name: 'Neustadt', designations: ['efre'] }], actionFieldNames: ['Sport und Freizeit'], tags: [] }), programme({ kind: 'prize', minAmountCents: 1_00, maxAmountCents: 10_000_00, applicants: ['municipality'], areaKinds: ['efre'], windows: [{ opensOn: '2026-04-01', closesOn: '2026-06-30', note: 'Aufruf' }] })], // topic (field), area_designated, cost_above_max, applicant_ok, window_open (later), prize
  [measure({ districts: [{ name: 'Neustadt', designations: ['other'] }] }), programme({ minAmountCents: null, areaKinds: ['leader'], settlementTypes: ['rural'], typicalMaxCents: 1_000_00 })], // area_unspecified, settlement_unknown, above_typical
  [measure(), programme({ minAmountCents: null, requiresDesignatedArea: false, settlementTypes: ['urban'], typicalMinCents: 1_000_000_00 })], // settlement_ok (urban), below_typical
  [measure(), programme({ minAmountCents: null, settlementTypes: ['rural'] })], // settlement_excluded (urban)
  [measure({ tags: [], title: 'Sporthalle' }), programme({ minAmountCents: null, maxAmountCents: 90_000_00, windows: [{ opensOn: null, closesOn: '2026-12-31', note: '' }], requiresDesignatedArea: false })], // topic (title), cost_within, window_open (now)
  [measure({ plannedStart: '2026-03-15' }), programme({ windows: [{ opensOn: '2026-06-01', closesOn: null, note: '' }] })], // window_after_start
  [measure({ tags: [], title: 'Halle', description: 'Auch für Sport' }), programme({ requiresDesignatedArea: false, minAmountCents: null })], // topic (description), topic_weak
];

const all = (ctx: MatchContext) => scenarios.flatMap(([m, p]) => {
  // programmes for rural or urban areas are matched for a town; those with typical sizes leave it unrecorded
  const town = (p.settlementTypes ?? []).length > 0 && p.typicalMaxCents == null;
  const r = matchProgramme(m, p, town ? { ...ctx, settlementType: 'urban' } : ctx);
  return [...r.for, ...r.against, ...r.check];
});

describe('match reasons in English', () => {
  it('has an English text for every reason code, different from the German one, with English money and dates', () => {
    const german = all(de);
    const english = all(en);
    expect(new Set(german.map((r) => r.code))).toEqual(new Set([
      'topic', 'no_topic', 'area_unknown', 'area_not_designated', 'area_unspecified', 'area_designated', 'settlement_ok', 'settlement_unknown',
      'settlement_excluded', 'above_typical', 'below_typical', 'topic_weak', 'cost_unknown', 'cost_below_min', 'cost_above_max', 'cost_within',
      'applicant_ok', 'applicant_excluded', 'climate_ok', 'climate_missing', 'loan', 'prize', 'rate_weak', 'window_rolling', 'window_closed',
      'window_open', 'window_after_start',
    ]));
    // same reasons, same weights, other words
    expect(english.map((r) => [r.code, r.weight])).toEqual(german.map((r) => [r.code, r.weight]));
    english.forEach((r, i) => expect(r.text).not.toBe(german[i].text));
    for (const r of english) expect(r.text).not.toMatch(/Förder|Kosten|Antrag|Stadtteil|[äöüß]|\d €/);
    const text = english.map((r) => r.text).join(' | ');
    expect(text).toContain('Application deadline 15/01/2026 has passed');
    expect(text).toContain('Cost €50,000 below the minimum of €100,000');
    expect(text).toContain('Higher funding rate of 75.5% for financially weak municipalities');
    expect(text).toContain('Funding topic “Sport” fits (tag “Sport”)');
    expect(all(de).map((r) => r.text).join(' | ')).toContain('Antragsfrist 15.01.2026 ist abgelaufen');
  });
});

describe('plan problems in English', () => {
  const src = (over: Partial<PlanSource>): PlanSource => ({ kind: 'programme', programmeLevel: 'federal', programmeName: 'KfW 432', status: 'idea', amounts: {}, applicationDeadline: null, ...over });
  it('words every problem in English, German by default', () => {
    const sources = [
      src({ amounts: { '2026': 10_000_00, '1999': 1 }, applicationDeadline: '2026-02-01' }),
      src({ programmeName: null, amounts: { '2027': -5, '2028': 1.5 }, applicationDeadline: '2026-09-01' }),
    ];
    const ctx = { plannedStart: '2026-06-01', today: '2026-03-01' };
    const german = planProblems(40_000_00, sources, ctx);
    const english = planProblems(40_000_00, sources, { ...ctx, locale: 'en' });
    expect(english.map((p) => p.code)).toEqual(german.map((p) => p.code));
    expect(german.map((p) => p.code)).toEqual(expect.arrayContaining(['gap', 'year_out_of_range', 'deadline_passed', 'programme_missing', 'negative_amount', 'non_integer_amount', 'deadline_after_start']));
    for (const p of english) expect(p.message).not.toMatch(/Quelle|Betrag|Antrag|Kosten|[äöüß]/);
    expect(english[0].message).toBe('€30,000.02 are missing up to the cost (€40,000); so far the municipality bears the gap as its own share.');
    expect(english.map((p) => p.message)).toContain('Source 1 (KfW 432): the application deadline 01/02/2026 has passed, but the application has not been made.');
    expect(german.map((p) => p.message)).toContain('Quelle 1 (KfW 432): Antragsfrist 01.02.2026 ist abgelaufen, der Antrag ist aber noch nicht gestellt.');
    expect(planProblems(null, [], { ...ctx, locale: 'en' })[0].message).toMatch(/^The cost of the measure is not estimated yet/);
    expect(planProblems(1_00, [src({ amounts: { '2026': 2_00 } })], { ...ctx, locale: 'en' })[0].message).toBe('The sources exceed the cost (€1) by €1.');
  });
});
