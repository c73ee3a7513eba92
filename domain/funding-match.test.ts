import { describe, expect, it } from 'vitest';
import {
  applyRate,
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
  districts: [{ name: 'Altstadt', designatedArea: true }],
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
    expect(r.eligible).toBe(true);
    expect(r.for.map((x) => x.text)).toContain('Stadtteil Altstadt liegt im Fördergebiet');
    expect(r.for.find((x) => x.code === 'topic')?.text).toBe('Förderthema „Innenstadt“ passt (Handlungsfeld „Lebendiges Zentrum / Innenstadt“)');
    expect(codes(r.for)).toContain('climate_ok');
    expect(r.nextDeadline).toBe('2026-06-01');
  });

  it('a measure outside designated areas is not eligible for Städtebauförderung', () => {
    const r = matchProgramme(measure({ districts: [{ name: 'Nordstadt', designatedArea: false }], tags: ['Innenstadt'] }), lebendigeZentren, ctx);
    expect(r.eligible).toBe(false);
    expect(r.against.find((x) => x.code === 'area_outside')?.text).toBe('Stadtteil Nordstadt liegt in keinem Fördergebiet; das Programm fördert nur in Fördergebieten');
  });

  it('a measure without any district is not eligible where an area is required', () => {
    const r = matchProgramme(measure({ districts: [] }), lebendigeZentren, ctx);
    expect(r.eligible).toBe(false);
    expect(codes(r.against)).toContain('area_missing');
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
    expect(below.eligible).toBe(false);
    expect(below.against[0].text).toBe('Kosten 100.000 € unter dem Mindestbetrag von 250.000 €');

    const above = matchProgramme(measure({ costCents: 100_000_000 }), kfw432, ctx);
    expect(above.eligible).toBe(true);
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

  it('scores Σ for − Σ against, clamped to 0–100', () => {
    const r = matchProgramme(measure({ tags: ['Sport'] }), programme({ topics: ['Sport'], minAmountCents: 1, maxAmountCents: 999_999_999_99 }), ctx);
    // topic (tag) 20 + cost within 10 + applicant 10 + rolling 5
    expect(r.score).toBe(45);
    const bad = matchProgramme(measure({ districts: [] }), programme({ topics: ['Sport'], requiresDesignatedArea: true, applicants: ['private'] }), ctx);
    expect(bad.score).toBe(0);
    const sum = (rs: { weight: number }[]) => rs.reduce((a, x) => a + x.weight, 0);
    expect(r.score).toBe(sum(r.for) - sum(r.against));
  });

  it('caps the topic weights at 50 together, strongest first', () => {
    const r = matchProgramme(
      measure({ tags: ['Sporthalle'], title: 'Hallenbad und Sportplatz', actionFieldNames: ['Sport und Freizeit'] }),
      programme({ topics: ['Hallenbad', 'Sport', 'Sporthalle', 'Sportplatz'] }),
      ctx,
    );
    expect(r.for.filter((x) => x.code === 'topic').map((x) => [x.text, x.weight])).toEqual([
      ['Förderthema „Sport“ passt (Schlagwort „Sporthalle“)', 20],
      ['Förderthema „Sporthalle“ passt (Schlagwort „Sporthalle“)', 20],
      ['Förderthema „Hallenbad“ passt (Titel/Beschreibung)', 10],
      ['Förderthema „Sportplatz“ passt (Titel/Beschreibung)', 0],
    ]);
    expect(r.score).toBe(50 + 10 + 5); // topics + applicant + rolling
  });
});

describe('rankProgrammes', () => {
  it('hand-checked: designated area + fitting field ranks a programme above one that excludes the applicant type', () => {
    const m = measure({ actionFieldNames: ['Freiraum und Grün'], title: 'Stadtpark Altstadt', description: 'Begrünung und Entsiegelung' });
    const fitting = programme({ id: 'a', name: 'Z-Programm Freiraum', topics: ['Grün'], requiresDesignatedArea: true, climateRequirement: true });
    // more topics found, but only associations may apply
    const excluding = programme({ id: 'b', name: 'A-Stiftung Grün', topics: ['Grün', 'Freiraum', 'Begrünung', 'Stadtpark'], applicants: ['association'] });
    const ranked = rankProgrammes(m, [excluding, fitting], ctx);
    expect(ranked.map((r) => r.programmeId)).toEqual(['a', 'b']);
    expect(ranked[0].eligible).toBe(true);
    expect(ranked[0].for.map((r) => r.text)).toEqual(expect.arrayContaining(['Stadtteil Altstadt liegt im Fördergebiet', 'Förderthema „Grün“ passt (Handlungsfeld „Freiraum und Grün“)']));
    expect(ranked[1].eligible).toBe(false);
    expect(codes(ranked[1].against)).toEqual(['applicant_excluded']);
  });

  it('Sanierung der Sporthalle Südstadt: the sport/youth/culture programme ranks first', () => {
    const m = measure({
      title: 'Sanierung der Sporthalle Südstadt',
      description: 'Dach, Fenster und Sanitäranlagen der Halle sind marode.',
      tags: ['Sport', 'Sanierung'],
      districts: [{ name: 'Südstadt', designatedArea: true }],
      costCents: 180_000_000,
    });
    const ranked: ProgrammeMatchResult[] = rankProgrammes(m, [lebendigeZentren, kfw432, sportJugendKultur], ctx);
    expect(ranked.map((r) => r.programmeId)).toEqual(['sjk', 'lz', 'kfw432']);
    const sjk = ranked[0];
    expect(sjk.eligible).toBe(true);
    expect(sjk.for.map((r) => r.text)).toEqual([
      'Förderthema „Sport“ passt (Schlagwort „Sport“)',
      'Förderthema „Sanierung“ passt (Schlagwort „Sanierung“)',
      'Kosten 1.800.000 € im Förderrahmen (250.000 € bis 8.000.000 €)',
      'Antragsberechtigt: Kommunen',
      'Antragsfenster offen, Frist 15.01.2026 (Projektskizze)',
    ]);
    expect(sjk.score).toBe(70);
    expect(sjk.expectedGrantCents).toBe(81_000_000); // 45 % of 1.800.000 €
    expect(sjk.nextDeadline).toBe('2026-01-15');
    expect(ranked[1].for.map((r) => r.text)).toContain('Stadtteil Südstadt liegt im Fördergebiet');
    expect(codes(ranked[1].against)).toEqual(['no_topic', 'climate_missing']);
    // after the deadline of 15.01.2026 the sport programme is no longer eligible
    const later = rankProgrammes(m, [lebendigeZentren, kfw432, sportJugendKultur], { ...ctx, today: '2026-01-16' });
    expect(later.at(-1)?.programmeId).toBe('sjk');
    expect(later.at(-1)?.against.find((r) => r.code === 'window_closed')?.text).toContain('Antragsfrist 15.01.2026 ist abgelaufen');
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
      ['halle', 70],
      ['jugend', 42],
    ]);
    expect(ranked[0]).toMatchObject({ number: 2, title: 'Sporthalle Südstadt', eligible: true });
    const all = rankMeasures(sportJugendKultur, measures, ctx, { includeAll: true });
    expect(all.map((r) => r.measureId)).toEqual(['halle', 'jugend', 'park', 'klein']);
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
      districts: [{ name: 'Altstadt', designatedArea: true }, { name: 'Neustadt', designatedArea: false }],
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
