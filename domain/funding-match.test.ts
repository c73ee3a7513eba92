import { describe, expect, it } from 'vitest';
import {
  applyRate,
  BLOCKING_CODES,
  fold,
  matchProgramme,
  rankMeasures,
  rankProgrammes,
  topicMatches,
  type MatchContext,
  type MatchMeasure,
  type MatchProgramme,
  type ProgrammeMatchResult,
  type RankableMeasure,
} from './funding-match';

const TODAY = '2025-11-20';
const ctx: MatchContext = { applicantType: 'municipality', financiallyWeak: false, today: TODAY };

const measure = (over: Partial<MatchMeasure> = {}): MatchMeasure => ({
  costCents: 120_000_000, // 1.200.000 €
  plannedStart: '2026-09-01',
  tags: [],
  actionFieldNames: [],
  title: '',
  description: '',
  districts: [{ name: 'Altstadt', designations: ['lebendige_zentren'] }],
  ...over,
});

const programme = (over: Partial<MatchProgramme> = {}): MatchProgramme => ({
  id: 'p',
  name: 'Programm',
  kind: 'grant',
  ratePercent: 50,
  rateWeakPercent: null,
  minAmountCents: null,
  maxAmountCents: null,
  applicants: ['municipality'],
  topics: [],
  requiresDesignatedArea: false,
  climateRequirement: false,
  windows: [],
  ...over,
});

const codes = (rs: { code: string }[]) => rs.map((r) => r.code);

// Seed-like programmes (rates from domain-facts.md)
const lebendigeZentren = programme({
  id: 'lz',
  name: 'Städtebauförderung – Lebendige Zentren',
  ratePercent: 66.67, // federation + state; ⅓ stays with the municipality
  topics: ['Innenstadt', 'Ortskern', 'Leerstand', 'Denkmalschutz', 'Grün'],
  requiresDesignatedArea: true,
  areaKinds: ['lebendige_zentren'],
  climateRequirement: true,
  windows: [{ opensOn: null, closesOn: '2026-06-01', note: 'Programmanmeldung beim Land' }],
});
const kfw432 = programme({
  id: 'kfw432',
  name: 'KfW 432 Energetische Stadtsanierung',
  ratePercent: 75,
  rateWeakPercent: 90,
  maxAmountCents: 20_000_000, // 200.000 € (Konzept)
  applicants: ['municipality', 'municipal_enterprise'],
  topics: ['Energetische Sanierung', 'Quartierskonzept', 'Wärmeversorgung'],
  climateRequirement: true,
});
const sportJugendKultur = programme({
  id: 'sjk',
  name: 'Sanierung kommunaler Einrichtungen Sport, Jugend und Kultur',
  ratePercent: 45,
  rateWeakPercent: 90,
  minAmountCents: 25_000_000, // hypothetical minimum, 250.000 €
  maxAmountCents: 800_000_000,
  topics: ['Sport', 'Jugend', 'Kultur', 'Sanierung'],
  windows: [{ opensOn: '2025-10-01', closesOn: '2026-01-15', note: 'Projektskizze' }],
});

describe('topic matching', () => {
  it('folds case and umlauts', () => {
    expect(fold('Grünfläche')).toBe(fold('GRUENFLAECHE'));
    expect(fold('Straße')).toBe('strasse');
  });

  it('is case-, umlaut-, plural- and compound-tolerant', () => {
    const w = (s: string) => fold(s).split(/[^a-z0-9]+/);
    expect(topicMatches('Klimaschutz', w('klimaschutz'))).toBe(true);
    expect(topicMatches('Sport', w('Sporthalle'))).toBe(true);
    expect(topicMatches('Sport', w('Schulsporthalle'))).toBe(true);
    expect(topicMatches('Energetische Sanierung', w('Die Halle wird energetisch saniert; Sanierung 2027'))).toBe(true);
    expect(topicMatches('Energetische Sanierung', w('Sanierung der Halle'))).toBe(false);
    expect(topicMatches('Sanierung', w('Sanierungen'))).toBe(true);
    expect(topicMatches('Grünflächen', w('neue Gruenflaeche am Markt'))).toBe(true);
    expect(topicMatches('Grün', w('grüne Höfe'))).toBe(true);
    expect(topicMatches('Grün', w('Grundschule'))).toBe(false);
    expect(topicMatches('Sport, Jugend und Kultur', w('Jugendzentrum mit Kulturcafé und Sportplatz'))).toBe(true);
  });
});

describe('matchProgramme', () => {
  it('names the district in the designated area and the matching topic', () => {
    const r = matchProgramme(
      measure({ actionFieldNames: ['Lebendiges Zentrum / Innenstadt'], description: 'Entsiegelung und Begrünung' }),
      lebendigeZentren,
      ctx,
    );
    expect(r.state).toBe('eligible');
    expect(r.eligible).toBe(true);
    expect(r.for.map((x) => x.text)).toContain('Stadtteil Altstadt liegt im Fördergebiet „Lebendige Zentren“');
    expect(r.for.find((x) => x.code === 'topic')?.text).toBe('Förderthema „Innenstadt“ passt (Handlungsfeld „Lebendiges Zentrum / Innenstadt“)');
    expect(codes(r.for)).toContain('climate_ok');
    expect(r.nextDeadline).toBe('2026-06-01');
  });

  it('a measure outside designated areas is "check the designation" (Fördergebiet prüfen), not "not eligible"', () => {
    const r = matchProgramme(measure({ districts: [{ name: 'Nordstadt', designations: [] }], tags: ['Innenstadt'] }), lebendigeZentren, ctx);
    expect(r.state).toBe('check');
    expect(r.eligible).toBe(false);
    expect(codes(r.check)).toEqual(['area_not_designated']);
    expect(r.check[0].text).toBe(
      'Fördergebiet prüfen: Stadtteil Nordstadt ist nicht als Gebiet „Lebendige Zentren“ festgelegt; das Programm fördert nur dort (Festlegung durch den Rat und Aufnahme ins Programm nötig)',
    );
    expect(r.score).toBeGreaterThan(0);
  });

  it('an area designated for another programme does not count; one without its programme recorded is to check', () => {
    const social = matchProgramme(measure({ districts: [{ name: 'Nordstadt', designations: ['sozialer_zusammenhalt'] }], tags: ['Innenstadt'] }), lebendigeZentren, ctx);
    expect(social.state).toBe('check');
    expect(codes(social.check)).toEqual(['area_not_designated']);
    const old = matchProgramme(measure({ districts: [{ name: 'Nordstadt', designations: ['other'] }], tags: ['Innenstadt'] }), lebendigeZentren, ctx);
    expect(old.state).toBe('check');
    expect(old.check[0].text).toBe('Fördergebiet prüfen: Stadtteil Nordstadt ist als Fördergebiet markiert, aber ohne Angabe des Programms; nötig ist ein Gebiet „Lebendige Zentren“');
    // a programme that names no kind of area accepts any designation
    const any = matchProgramme(measure({ districts: [{ name: 'Nordstadt', designations: ['other'] }], tags: ['Innenstadt'] }), { ...lebendigeZentren, areaKinds: [] }, ctx);
    expect(any.state).toBe('eligible');
    expect(any.for.map((x) => x.text)).toContain('Stadtteil Nordstadt liegt im Fördergebiet „anderes Fördergebiet“');
  });

  it('a measure without any district is to check where an area is required', () => {
    const r = matchProgramme(measure({ districts: [], tags: ['Innenstadt'] }), lebendigeZentren, ctx);
    expect(r.state).toBe('check');
    expect(codes(r.check)).toEqual(['area_unknown']);
    expect(r.check[0].text).toBe('Fördergebiet prüfen: kein Stadtteil angegeben; das Programm fördert nur in festgelegten Gebieten („Lebendige Zentren“)');
  });

  it('a window closed yesterday is a reason against and blocks without a future window', () => {
    const r = matchProgramme(measure({ tags: ['Sport'] }), programme({ windows: [{ opensOn: null, closesOn: '2025-11-19', note: '' }] }), ctx);
    expect(r.eligible).toBe(false);
    expect(r.against.find((x) => x.code === 'window_closed')?.text).toBe('Antragsfrist 19.11.2025 ist abgelaufen; kein neues Antragsfenster bekannt');
    expect(r.nextDeadline).toBeNull();
  });

  it('a deadline today is still open; an old window does not block when a new one follows', () => {
    const today = matchProgramme(measure(), programme({ windows: [{ opensOn: null, closesOn: TODAY, note: '' }] }), ctx);
    expect(today.eligible).toBe(true);
    expect(today.for.find((x) => x.code === 'window_open')?.text).toBe('Antragsfenster offen, Frist 20.11.2025');
    const next = matchProgramme(
      measure(),
      programme({ windows: [{ opensOn: null, closesOn: '2025-01-15', note: '' }, { opensOn: '2026-03-01', closesOn: '2026-04-30', note: '' }] }),
      ctx,
    );
    expect(next.eligible).toBe(true);
    expect(next.for.find((x) => x.code === 'window_open')?.text).toBe('Antragsfenster öffnet am 01.03.2026 vor dem geplanten Beginn am 01.09.2026, Frist 30.04.2026');
    expect(next.nextDeadline).toBe('2026-04-30');
  });

  it('a window opening only after the planned start is a soft reason against', () => {
    const r = matchProgramme(measure({ plannedStart: '2026-02-01' }), programme({ windows: [{ opensOn: '2026-03-01', closesOn: '2026-04-30', note: '' }] }), ctx);
    expect(r.eligible).toBe(true);
    expect(codes(r.against)).toEqual(['window_after_start']);
    expect(r.against[0].text).toContain('nach dem geplanten Beginn am 01.02.2026');
  });

  it('no windows means rolling application', () => {
    const r = matchProgramme(measure(), programme(), ctx);
    expect(r.for.find((x) => x.code === 'window_rolling')?.text).toBe('laufende Antragstellung');
    expect(r.nextDeadline).toBeNull();
  });

  it('excludes an applicant type that is not admitted', () => {
    const r = matchProgramme(measure(), programme({ applicants: ['association', 'private'] }), ctx);
    expect(r.eligible).toBe(false);
    expect(r.against.find((x) => x.code === 'applicant_excluded')?.text).toBe('Kommunen sind nicht antragsberechtigt (nur Vereine und Verbände, Private)');
  });

  it('cost below the minimum blocks; above the maximum is partial funding with a capped grant', () => {
    const below = matchProgramme(measure({ costCents: 10_000_000 }), programme({ minAmountCents: 25_000_000 }), ctx);
    expect(below.state).toBe('not_eligible');
    expect(below.eligible).toBe(false);
    expect(below.against[0].text).toBe('Kosten 100.000 € unter dem Mindestbetrag von 250.000 €');

    const above = matchProgramme(measure({ costCents: 100_000_000, tags: ['Quartierskonzept'] }), kfw432, ctx);
    expect(above.state).toBe('eligible');
    expect(above.against.find((x) => x.code === 'cost_above_max')?.text).toBe('Kosten 1.000.000 € über dem Höchstbetrag von 200.000 € – nur Teilförderung');
    expect(above.expectedGrantCents).toBe(20_000_000); // 75 % would be 750.000 €, capped at 200.000 €
  });

  it('expected grant: standard rate, 90 % for financially weak, rounded to cents, null when unknown', () => {
    const m = measure({ costCents: 15_000_000 }); // 150.000 €
    expect(matchProgramme(m, kfw432, ctx).expectedGrantCents).toBe(11_250_000); // 75 %
    const weak = matchProgramme(m, kfw432, { ...ctx, financiallyWeak: true });
    expect(weak.expectedGrantCents).toBe(13_500_000); // 90 %
    expect(codes(weak.for)).toContain('rate_weak');
    // a weak municipality with a programme without a special rate keeps the standard rate
    expect(matchProgramme(m, programme({ ratePercent: 45 }), { ...ctx, financiallyWeak: true }).expectedGrantCents).toBe(6_750_000);
    // 1.000.000,01 € × 66,67 % = 666.700,006667 € → 666.700,01 €
    expect(matchProgramme(measure({ costCents: 100_000_001 }), programme({ ratePercent: 66.67 }), ctx).expectedGrantCents).toBe(66_670_001);
    expect(matchProgramme(measure({ costCents: null }), kfw432, ctx).expectedGrantCents).toBeNull();
    expect(matchProgramme(m, programme({ ratePercent: null }), ctx).expectedGrantCents).toBeNull();
  });

  it('climate requirement without climate topic is a soft reason against', () => {
    const r = matchProgramme(measure({ tags: ['Innenstadt'] }), lebendigeZentren, ctx);
    expect(r.eligible).toBe(true);
    expect(r.against.find((x) => x.code === 'climate_missing')?.text).toBe('Klimaschutz/-anpassung muss nachgewiesen werden (Fördervoraussetzung)');
  });

  it('notes loans', () => {
    expect(codes(matchProgramme(measure(), programme({ kind: 'loan' }), ctx).against)).toEqual(['loan']);
  });

  it('scores Σ for − Σ against and checks, which take at most half of the points for', () => {
    const r = matchProgramme(measure({ tags: ['Sport'] }), programme({ topics: ['Sport'], minAmountCents: 1, maxAmountCents: 999_999_999_99 }), ctx);
    // topic (tag) 30 + cost within 5 + applicant 5 + rolling 5
    expect(r.score).toBe(45);
    const sum = (rs: { weight: number }[]) => rs.reduce((a, x) => a + x.weight, 0);
    expect(r.score).toBe(sum(r.for) - sum(r.against) - sum(r.check));
    // a loan with cost unknown, climate missing and the area to check: 30 + 5 (rolling) for, 5 + 5 + 5 + 10 against → capped at half
    const weak = matchProgramme(
      measure({ tags: ['Sport'], costCents: null, districts: [] }),
      programme({ topics: ['Sport'], kind: 'loan', applicants: [], climateRequirement: true, requiresDesignatedArea: true }),
      ctx,
    );
    expect(weak.state).toBe('check');
    expect(weak.score).toBe(35 - 17);
    // blocking reasons decide the state and weigh nothing
    const bad = matchProgramme(measure({ tags: ['Sport'] }), programme({ topics: ['Sport'], applicants: ['private'] }), ctx);
    expect(bad.state).toBe('not_eligible');
    expect(bad.against.find((x) => x.code === 'applicant_excluded')?.weight).toBe(0);
  });

  it('weighs the strongest topic most, further ones less, at most 50 together', () => {
    const r = matchProgramme(
      measure({ tags: ['Sporthalle'], title: 'Hallenbad und Sportplatz', actionFieldNames: ['Sport und Freizeit'] }),
      programme({ topics: ['Hallenbad', 'Sport', 'Sporthalle', 'Sportplatz'] }),
      ctx,
    );
    expect(r.for.filter((x) => x.code === 'topic').map((x) => [x.text, x.weight])).toEqual([
      ['Förderthema „Sport“ passt (Schlagwort „Sporthalle“)', 30],
      ['Förderthema „Sporthalle“ passt (Schlagwort „Sporthalle“)', 10],
      ['Förderthema „Hallenbad“ passt (Titel)', 10],
      ['Förderthema „Sportplatz“ passt (Titel)', 0],
    ]);
    expect(r.score).toBe(50 + 5 + 5); // topics + applicant + rolling
  });
});

describe('rankProgrammes', () => {
  it('hand-checked: designated area + fitting field ranks a programme above one that excludes the applicant type', () => {
    const m = measure({ actionFieldNames: ['Freiraum und Grün'], title: 'Stadtpark Altstadt', description: 'Begrünung und Entsiegelung' });
    const fitting = programme({ id: 'a', name: 'Z-Programm Freiraum', topics: ['Grün'], requiresDesignatedArea: true, areaKinds: ['lebendige_zentren'], climateRequirement: true });
    // more topics found, but only associations may apply
    const excluding = programme({ id: 'b', name: 'A-Stiftung Grün', topics: ['Grün', 'Freiraum', 'Begrünung', 'Stadtpark'], applicants: ['association'] });
    const ranked = rankProgrammes(m, [excluding, fitting], ctx);
    expect(ranked.map((r) => r.programmeId)).toEqual(['a', 'b']);
    expect(ranked[0].eligible).toBe(true);
    expect(ranked[0].for.map((r) => r.text)).toEqual(expect.arrayContaining(['Stadtteil Altstadt liegt im Fördergebiet „Lebendige Zentren“', 'Förderthema „Grün“ passt (Handlungsfeld „Freiraum und Grün“)']));
    expect(ranked[1].eligible).toBe(false);
    expect(codes(ranked[1].against)).toEqual(['applicant_excluded']);
  });

  it('Sanierung der Sporthalle Südstadt: the sport/youth/culture programme ranks first', () => {
    const m = measure({
      title: 'Sanierung der Sporthalle Südstadt',
      description: 'Dach, Fenster und Sanitäranlagen der Halle sind marode.',
      tags: ['Sport', 'Sanierung'],
      districts: [{ name: 'Südstadt', designations: ['lebendige_zentren'] }],
      costCents: 180_000_000,
    });
    const ranked: ProgrammeMatchResult[] = rankProgrammes(m, [lebendigeZentren, kfw432, sportJugendKultur], ctx);
    expect(ranked.map((r) => [r.programmeId, r.state])).toEqual([['sjk', 'eligible'], ['lz', 'no_fit'], ['kfw432', 'no_fit']]);
    const sjk = ranked[0];
    expect(sjk.eligible).toBe(true);
    expect(sjk.for.map((r) => r.text)).toEqual([
      'Förderthema „Sport“ passt (Schlagwort „Sport“)',
      'Förderthema „Sanierung“ passt (Schlagwort „Sanierung“)',
      'Kosten 1.800.000 € im Förderrahmen (250.000 € bis 8.000.000 €)',
      'Antragsberechtigt: Kommunen',
      'Antragsfenster offen, Frist 15.01.2026 (Projektskizze)',
    ]);
    expect(sjk.score).toBe(30 + 10 + 5 + 5 + 5);
    expect(sjk.expectedGrantCents).toBe(81_000_000); // 45 % of 1.800.000 €
    expect(sjk.nextDeadline).toBe('2026-01-15');
    expect(ranked[1].for.map((r) => r.text)).toContain('Stadtteil Südstadt liegt im Fördergebiet „Lebendige Zentren“');
    expect(codes(ranked[1].against)).toEqual(['no_topic', 'climate_missing']);
    // after the deadline of 15.01.2026 the sport programme is no longer eligible
    const later = rankProgrammes(m, [lebendigeZentren, kfw432, sportJugendKultur], { ...ctx, today: '2026-01-16' });
    const closed = later.find((r) => r.programmeId === 'sjk')!;
    expect(closed.state).toBe('not_eligible');
    expect(later.filter((r) => r.state === 'eligible' || r.state === 'check')).toEqual([]);
    expect(closed.against.find((r) => r.code === 'window_closed')?.text).toContain('Antragsfrist 15.01.2026 ist abgelaufen');
  });

  it('orders equal scores by name', () => {
    const ranked = rankProgrammes(measure(), [programme({ id: '2', name: 'Über' }), programme({ id: '1', name: 'Ost' })], ctx);
    expect(ranked.map((r) => r.programmeName)).toEqual(['Ost', 'Über']);
  });
});

describe('rankMeasures', () => {
  const m = (id: string, number: number, over: Partial<MatchMeasure>): RankableMeasure => ({ ...measure(over), id, number, title: over.title ?? id });

  it('lists the measures that fit a programme, best first', () => {
    const measures = [
      m('park', 1, { title: 'Stadtpark', tags: ['Grün'] }),
      m('halle', 2, { title: 'Sporthalle Südstadt', tags: ['Sport', 'Sanierung'] }),
      m('jugend', 3, { title: 'Jugendtreff', description: 'Umbau für die Jugendarbeit' }),
      m('klein', 4, { title: 'Sportgeräte', tags: ['Sport'], costCents: 500_000 }),
    ];
    const ranked = rankMeasures(sportJugendKultur, measures, ctx);
    expect(ranked.map((r) => [r.measureId, r.score])).toEqual([
      ['halle', 55],
      ['jugend', 45], // "Jugend" in the title
    ]);
    expect(ranked[0]).toMatchObject({ number: 2, title: 'Sporthalle Südstadt', eligible: true });
    const all = rankMeasures(sportJugendKultur, measures, ctx, { includeAll: true });
    expect(all.map((r) => r.measureId)).toEqual(['halle', 'jugend', 'klein', 'park']); // the rest by fit: 'klein' meets the topic
  });
});

describe('applyRate', () => {
  it('rounds half up in integers', () => {
    expect(applyRate(1, 50)).toBe(1);
    expect(applyRate(3, 33.33)).toBe(1);
    expect(applyRate(100_000_001, 75)).toBe(75_000_001); // 75.000.000,75 → 75.000.001
    expect(applyRate(999_999_999_99, 90)).toBe(899_999_999_99); // 89.999.999.999,1 cents → 89.999.999.999
  });
});

describe('prepared measures (speed fix)', () => {
  it('gives the same result whether one measure object is reused for every programme or a fresh copy is matched each time', () => {
    const m = measure({
      title: 'Energetische Sanierung und Begrünung der Sporthalle im Ortskern',
      description: 'Neue Wärmeversorgung; Jugend- und Kulturangebote',
      tags: ['Sport', 'Klimaschutz'],
      actionFieldNames: ['Grün in der Stadt', 'Innenstadt'],
      districts: [{ name: 'Altstadt', designations: ['lebendige_zentren'] }, { name: 'Neustadt', designations: [] }],
    });
    const programmes = [lebendigeZentren, kfw432, sportJugendKultur, programme({ topics: ['Grundschule', 'Grün'] })];
    const reused = programmes.map((p) => matchProgramme(m, p, ctx));
    const fresh = programmes.map((p) => matchProgramme(structuredClone(m), p, ctx));
    expect(reused).toEqual(fresh);
    // and the same as ranked in one go
    expect(rankProgrammes(m, programmes, ctx)).toEqual(rankProgrammes(structuredClone(m), programmes, ctx));
    // the structured topic reasons name the tag or field they came from
    expect(reused[0].for.map((r) => r.text)).toContain('Förderthema „Innenstadt“ passt (Handlungsfeld „Innenstadt“)');
    expect(reused[2].for.map((r) => r.text)).toContain('Förderthema „Sport“ passt (Schlagwort „Sport“)');
  });
});

describe('states a planner can trust (issue 12, finding 6)', () => {
  const leader = programme({
    id: 'leader', name: 'LEADER', ratePercent: 80, topics: ['Dorfentwicklung', 'Dorfgemeinschaftshaus', 'Ortskern'],
    requiresDesignatedArea: true, areaKinds: ['leader'], settlementTypes: ['rural'], typicalMaxCents: 20_000_000,
  });
  const urban: MatchContext = { ...ctx, settlementType: 'urban' };

  it('a rural programme is not eligible for a town unless the district lies in its area', () => {
    const square = measure({ title: 'Umgestaltung des Marktplatzes im Ortskern', districts: [{ name: 'Altstadt', designations: ['lebendige_zentren'] }] });
    const r = matchProgramme(square, leader, urban);
    expect(r.state).toBe('not_eligible');
    expect(r.against.find((x) => x.code === 'settlement_excluded')?.text).toBe(
      'Das Programm fördert nur ländliche Räume; die Kommune ist als städtisch erfasst und kein Stadtteil liegt in einem passenden Fördergebiet',
    );
    expect(codes(r.check)).toEqual([]); // excluded: no designation to check
    // a village of the town inside the LEADER area
    const village = matchProgramme(measure({ tags: ['Dorfgemeinschaftshaus'], costCents: 20_000_000, districts: [{ name: 'Lauterbach', designations: ['leader'] }] }), leader, urban);
    expect(village.state).toBe('eligible');
    expect(village.for.map((x) => x.text)).toContain('Stadtteil Lauterbach liegt im Fördergebiet „LEADER-Gebiet“');
    // a rural municipality: LEADER is possible, the LEADER area is to check
    const rural = matchProgramme(measure({ tags: ['Dorfgemeinschaftshaus'], costCents: 20_000_000, districts: [{ name: 'Oberdorf', designations: [] }] }), leader, { ...ctx, settlementType: 'rural' });
    expect(rural.state).toBe('check');
    expect(codes(rural.check)).toEqual(['area_not_designated']);
    // a district designated for something else does not make a town rural
    const elsewhere = matchProgramme(measure({ tags: ['Dorfgemeinschaftshaus'] }), { ...leader, requiresDesignatedArea: false, areaKinds: [] }, urban);
    expect(elsewhere.state).toBe('not_eligible');
    // settlement type not recorded: to check
    const unknown = matchProgramme(measure({ tags: ['Dorfgemeinschaftshaus'], districts: [] }), leader, { ...ctx, settlementType: null });
    expect(unknown.state).toBe('check');
    expect(codes(unknown.check)).toEqual(['settlement_unknown', 'area_unknown']);
  });

  it('a grant beyond the programme’s typical size is a reason against, and the expectation is capped there', () => {
    const big = matchProgramme(measure({ tags: ['Dorfgemeinschaftshaus'], costCents: 220_000_000, districts: [{ name: 'Lauterbach', designations: ['leader'] }] }), leader, urban);
    expect(big.state).toBe('eligible');
    expect(big.against.find((x) => x.code === 'above_typical')?.text).toBe(
      'Förderung typischerweise bis 200.000 € je Vorhaben; hier wären es 1.760.000 € – nur ein Teil ist realistisch',
    );
    expect(big.expectedGrantCents).toBe(20_000_000);
    // where the rate is unknown, the cost is compared
    const noRate = matchProgramme(measure({ tags: ['Dorfgemeinschaftshaus'], costCents: 220_000_000, districts: [{ name: 'Lauterbach', designations: ['leader'] }] }), { ...leader, ratePercent: null }, urban);
    expect(codes(noRate.against)).toContain('above_typical');
    expect(noRate.expectedGrantCents).toBeNull();
    const small = matchProgramme(measure({ tags: ['Sport'], costCents: 10_000_000 }), sportJugendKultur, { ...ctx, today: '2025-11-20' });
    expect(codes(small.against)).toContain('cost_below_min');
    const belowTypical = matchProgramme(measure({ tags: ['Sport'], costCents: 60_000_000 }), { ...sportJugendKultur, typicalMinCents: 50_000_000 }, ctx);
    expect(belowTypical.against.find((x) => x.code === 'below_typical')?.text).toBe('Förderung typischerweise ab 500.000 € je Vorhaben; hier wären es nur 270.000 €');
  });

  it('a topic found only in the description is to check (a passing mention), ranked below real fits', () => {
    const brownfield = measure({
      title: 'Revitalisierung der Industriebrache', tags: ['Brachfläche'], districts: [{ name: 'Hafen', designations: [] }],
      description: 'Altlasten werden saniert; später kann das Gelände an ein Wärmenetz angeschlossen werden.',
    });
    const heat = programme({ id: 'heat', name: 'Wärmeprogramm', topics: ['Wärmenetz'] });
    const renewal = programme({ id: 'renewal', name: 'Erneuerung', topics: ['Brachfläche'], requiresDesignatedArea: true, areaKinds: ['wachstum_nachhaltige_erneuerung'] });
    const r = matchProgramme(brownfield, heat, ctx);
    expect(r.state).toBe('check');
    expect(r.check.map((x) => x.text)).toEqual(['Thema prüfen: „Wärmenetz“ kommt nur in der Beschreibung vor – ist das der Zweck der Maßnahme?']);
    expect(r.for[0].text).toBe('Förderthema „Wärmenetz“ passt (Beschreibung)');
    expect(rankProgrammes(brownfield, [heat, renewal], ctx).map((x) => [x.programmeId, x.state])).toEqual([['renewal', 'check'], ['heat', 'check']]);
  });

  it('no topical fit at all is "no fit", never "eligible at fit 0"', () => {
    const r = matchProgramme(measure({ title: 'Umgestaltung des Marktplatzes', costCents: 220_000_000 }), kfw432, ctx);
    expect(r.state).toBe('no_fit');
    expect(r.eligible).toBe(false);
    expect(codes(r.against)).toContain('no_topic');
  });

  it('listed matches always meet a topic and have a fit above 0; blocked ones are never listed', () => {
    const kinds = [[], ['lebendige_zentren'], ['other'], ['leader']];
    const programmes = [lebendigeZentren, kfw432, sportJugendKultur, leader, programme({ topics: [] })];
    for (const d of kinds) {
      for (const cost of [null, 500_000, 120_000_000, 900_000_000]) {
        for (const m of [measure({ tags: ['Sport'], districts: [{ name: 'X', designations: d }], costCents: cost }), measure({ title: 'Ortskern und Innenstadt', districts: [], costCents: cost })]) {
          for (const r of rankProgrammes(m, programmes, { ...ctx, settlementType: 'urban' })) {
            if (r.state === 'eligible' || r.state === 'check') {
              expect(r.score).toBeGreaterThan(0);
              expect(r.against.some((x) => BLOCKING_CODES.has(x.code) || x.code === 'no_topic')).toBe(false);
            }
            expect(r.eligible).toBe(r.state === 'eligible');
            if (r.state === 'check') expect(r.check.length).toBeGreaterThan(0);
            if (r.state === 'eligible') expect(r.check).toEqual([]);
          }
        }
      }
    }
  });
});

describe('speed (hot path)', () => {
  it('ranks one measure against 500 programmes well under 50 ms (median of fresh measures, prepared words included)', () => {
    const base = [lebendigeZentren, kfw432, sportJugendKultur, programme({ topics: ['Dorfentwicklung', 'Ortskern'], requiresDesignatedArea: true, areaKinds: ['leader'], settlementTypes: ['rural'], typicalMaxCents: 20_000_000 })];
    const programmes = Array.from({ length: 500 }, (_, i) => ({ ...base[i % base.length], id: String(i), name: `P ${i}`, topics: [...base[i % base.length].topics, `Thema ${i}`] }));
    const make = () => measure({ title: 'Umgestaltung des Marktplatzes im Ortskern', description: 'Bäume, Entsiegelung und Sitzstufen; Wochenmarkt', tags: ['Marktplatz', 'Innenstadt'], actionFieldNames: ['Lebendige Altstadt'] });
    for (let i = 0; i < 5; i++) rankProgrammes(make(), programmes, ctx); // warm-up
    const times = Array.from({ length: 15 }, () => {
      const m = make();
      const t0 = performance.now();
      rankProgrammes(m, programmes, ctx);
      return performance.now() - t0;
    }).sort((a, b) => a - b);
    expect(times[7]).toBeLessThan(50);
  });
});
