import { describe, expect, it } from 'vitest';
import {
  byYearAndLevel,
  emptyLevels,
  LEVELS,
  levelOf,
  planProblems,
  planTotals,
  splitEvenly,
  sumKofi,
  type PlanSource,
} from './financing';

const src = (over: Partial<PlanSource>): PlanSource => ({
  kind: 'programme',
  programmeLevel: 'federal',
  programmeName: 'Lebendige Zentren (Bund)',
  status: 'approved',
  amounts: {},
  applicationDeadline: null,
  ...over,
});
const budget = (amounts: Record<string, number>, over: Partial<PlanSource> = {}) =>
  src({ kind: 'municipal_budget', programmeLevel: null, programmeName: null, amounts, ...over });

const ctx = { plannedStart: '2027-03-01', today: '2026-05-10' };
const codes = (ps: { code: string }[]) => ps.map((p) => p.code);

describe('splitEvenly', () => {
  it('⅓ each of 1.000.000,01 € (Städtebauförderung) splits exactly', () => {
    const parts = splitEvenly(100_000_001, 3);
    expect(parts).toEqual([33_333_334, 33_333_334, 33_333_333]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(100_000_001);
  });

  it('never loses or invents a cent, parts differ by at most one cent', () => {
    for (const total of [0, 1, 2, 99, 100, 101, 12_345_679, 100_000_001, 999_999_999_99]) {
      for (const n of [1, 2, 3, 4, 6, 7, 12]) {
        const parts = splitEvenly(total, n);
        expect(parts).toHaveLength(n);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
        expect(parts.every(Number.isInteger)).toBe(true);
      }
    }
  });

  it('keeps the sign of negative totals and refuses bad input', () => {
    expect(splitEvenly(-5, 3)).toEqual([-2, -2, -1]);
    expect(Object.is(splitEvenly(-1, 2)[1], 0)).toBe(true); // no -0
    expect(() => splitEvenly(10.5, 2)).toThrow(RangeError);
    expect(() => splitEvenly(10, 0)).toThrow(RangeError);
  });
});

describe('levelOf', () => {
  it('maps sources to levels', () => {
    expect(levelOf(src({ programmeLevel: 'eu' }))).toBe('eu');
    expect(levelOf(src({ programmeLevel: 'federal' }))).toBe('federal');
    expect(levelOf(src({ programmeLevel: 'state' }))).toBe('state');
    expect(levelOf(src({ programmeLevel: 'other' }))).toBe('third_party');
    expect(levelOf(src({ programmeLevel: null, programmeName: null }))).toBe('third_party');
    expect(levelOf(budget({}))).toBe('municipality');
    expect(levelOf(src({ kind: 'third_party', programmeLevel: null }))).toBe('third_party');
  });
});

describe('planTotals', () => {
  it('⅓ federation / ⅓ state / ⅓ municipality of 1.000.000,01 € adds up exactly, no gap', () => {
    const [federal, state, own] = splitEvenly(100_000_001, 3);
    // each share spread over two years, again without losing a cent
    const years = (cents: number) => {
      const [a, b] = splitEvenly(cents, 2);
      return { '2027': a, '2028': b };
    };
    const sources = [
      src({ programmeLevel: 'federal', amounts: years(federal) }),
      src({ programmeLevel: 'state', programmeName: 'Lebendige Zentren (Land)', amounts: years(state) }),
      budget(years(own)),
    ];
    const t = planTotals(100_000_001, sources);
    expect(t.byLevel).toEqual({ eu: 0, federal: 33_333_334, state: 33_333_334, municipality: 33_333_333, third_party: 0 });
    expect(t.fundedCents).toBe(66_666_668);
    expect(t.ownShareCents).toBe(33_333_333);
    expect(t.gapCents).toBe(0);
    expect(t.fundedCents + t.ownShareCents).toBe(100_000_001);
  });

  it('own share = municipal budget + gap; rejected sources never count', () => {
    const sources = [
      src({ programmeLevel: 'federal', amounts: { '2027': 30_000_000 } }),
      src({ programmeLevel: 'state', amounts: { '2027': 10_000_000, '2028': 20_000_000 } }),
      src({ programmeLevel: 'eu', programmeName: 'EFRE', status: 'rejected', amounts: { '2027': 50_000_000 } }),
      src({ kind: 'third_party', programmeLevel: null, programmeName: null, status: 'idea', amounts: { '2028': 5_000_000 } }),
      budget({ '2027': 15_000_000 }),
    ];
    const t = planTotals(100_000_000, sources); // 1.000.000 €
    expect(t.byLevel).toEqual({ eu: 0, federal: 30_000_000, state: 30_000_000, municipality: 15_000_000, third_party: 5_000_000 });
    expect(t.fundedCents).toBe(65_000_000);
    expect(t.gapCents).toBe(20_000_000);
    expect(t.ownShareCents).toBe(35_000_000);
    expect(t.fundedCents + t.ownShareCents).toBe(100_000_000);
  });

  it('no gap when over-funded; unknown cost has no gap; no sources = all own share', () => {
    expect(planTotals(1_000, [budget({ '2027': 1_500 })]).gapCents).toBe(0);
    expect(planTotals(null, [budget({ '2027': 1_500 })])).toMatchObject({ gapCents: 0, ownShareCents: 1_500, fundedCents: 0 });
    expect(planTotals(12_345, [])).toEqual({ byLevel: emptyLevels(), fundedCents: 0, ownShareCents: 12_345, gapCents: 12_345 });
  });

  it('stays in integer cents even with a non-integer amount', () => {
    const t = planTotals(100, [src({ amounts: { '2027': 33.4 } }), src({ amounts: { '2028': 33.6 } })]);
    expect(t.byLevel.federal).toBe(67);
    expect(t.gapCents).toBe(33);
    expect(Number.isInteger(t.ownShareCents)).toBe(true);
  });
});

describe('planProblems', () => {
  it('reports sources exceeding the cost, with the amount in euros', () => {
    const p = planProblems(100_000_000, [src({ amounts: { '2027': 80_000_000 } }), budget({ '2027': 25_000_000 })], ctx);
    expect(p).toEqual([{ code: 'over_funded', message: 'Die Quellen übersteigen die Kosten (1.000.000 €) um 50.000 €.' }]);
  });

  it('a rejected source does not make a plan over-funded', () => {
    const p = planProblems(100_000_000, [src({ amounts: { '2027': 100_000_000 } }), src({ status: 'rejected', amounts: { '2027': 100_000_000 } })], ctx);
    expect(p).toEqual([]);
  });

  it('reports an application deadline after the planned start and a passed deadline while not yet applied', () => {
    const p = planProblems(
      100_000_000,
      [
        src({ status: 'preparing', applicationDeadline: '2027-04-30', amounts: { '2027': 60_000_000 } }),
        src({ programmeName: 'KfW 432', status: 'idea', applicationDeadline: '2026-01-15', amounts: { '2027': 40_000_000 } }),
        src({ programmeName: 'Kommunalrichtlinie', status: 'applied', applicationDeadline: '2026-01-15', amounts: {} }),
      ],
      ctx,
    );
    expect(p).toEqual([
      {
        code: 'deadline_after_start',
        message: 'Quelle 1 (Lebendige Zentren (Bund)): Antragsfrist 30.04.2027 liegt nach dem geplanten Beginn am 01.03.2027 – Antrag vor Beginn stellen oder vorzeitigen Maßnahmebeginn beantragen.',
      },
      { code: 'deadline_passed', message: 'Quelle 2 (KfW 432): Antragsfrist 15.01.2026 ist abgelaufen, der Antrag ist aber noch nicht gestellt.' },
    ]);
  });

  it('reports bad amounts, years and a programme source without programme', () => {
    const p = planProblems(
      100_000_000,
      [src({ programmeName: null, amounts: { '1999': 10_000, '2027': -5_000, '2028': 12.5 } })],
      ctx,
    );
    expect(codes(p)).toEqual(['gap', 'programme_missing', 'year_out_of_range', 'negative_amount', 'non_integer_amount']);
    expect(p.find((x) => x.code === 'year_out_of_range')?.message).toBe('Quelle 1 (Förderprogramm): Jahr „1999“ liegt außerhalb von 2000–2100.');
    expect(p.find((x) => x.code === 'negative_amount')?.message).toBe('Quelle 1 (Förderprogramm): Betrag für 2027 ist negativ (-50 €).');
    expect(codes(planProblems(1, [src({ amounts: { '2101': 1 } })], ctx))).toEqual(['year_out_of_range']);
  });

  it('reports a gap, and an unknown cost', () => {
    expect(planProblems(100_000_000, [src({ amounts: { '2027': 60_000_000 } })], ctx)).toEqual([
      { code: 'gap', message: 'Es fehlen 400.000 € bis zu den Kosten (1.000.000 €); die Lücke trägt bisher die Kommune als Eigenanteil.' },
    ]);
    expect(codes(planProblems(null, [], ctx))).toEqual(['cost_unknown']);
    expect(planProblems(100_000_000, [], ctx)).toEqual([]); // an empty plan is not yet a problem
  });
});

describe('byYearAndLevel', () => {
  it('sums counted money by year and level, every level present, years sorted', () => {
    const r = byYearAndLevel([
      src({ programmeLevel: 'state', amounts: { '2028': 300, '2027': 100 } }),
      src({ programmeLevel: 'eu', amounts: { '2027': 50 } }),
      src({ programmeLevel: 'eu', status: 'rejected', amounts: { '2027': 999, '2029': 999 } }),
      budget({ '2027': 7 }),
    ]);
    expect(Object.keys(r)).toEqual(['2027', '2028']);
    expect(r['2027']).toEqual({ eu: 50, federal: 0, state: 100, municipality: 7, third_party: 0 });
    expect(r['2028']).toEqual({ eu: 0, federal: 0, state: 300, municipality: 0, third_party: 0 });
  });
});

describe('sumKofi', () => {
  it('sums rows by year and level; one measure’s surplus never fills another’s gap', () => {
    const a = [src({ amounts: { '2027': 60_000_000 } }), budget({ '2027': 60_000_000 })]; // 1.200.000 € for 1.000.000 €
    const b = [src({ programmeLevel: 'state', amounts: { '2028': 33_333_334 } })]; // 333.333,34 € for 1.000.000,01 €
    const row = (cost: number | null, s: PlanSource[]) => ({ costCents: cost, byYear: byYearAndLevel(s), totals: planTotals(cost, s) });
    const k = sumKofi([row(100_000_000, a), row(100_000_001, b), row(null, [])]);
    expect(k.years).toEqual(['2027', '2028']);
    expect(k.sums['2027']).toEqual({ eu: 0, federal: 60_000_000, state: 0, municipality: 60_000_000, third_party: 0 });
    expect(k.sums['2028']).toEqual({ eu: 0, federal: 0, state: 33_333_334, municipality: 0, third_party: 0 });
    expect(k.totals).toEqual({
      byLevel: { eu: 0, federal: 60_000_000, state: 33_333_334, municipality: 60_000_000, third_party: 0 },
      fundedCents: 93_333_334,
      ownShareCents: 60_000_000 + 66_666_667,
      gapCents: 66_666_667,
      costCents: 200_000_001,
    });
    // sums by year and level agree with the totals to the cent
    for (const l of LEVELS) {
      expect(k.years.reduce((acc, y) => acc + k.sums[y][l], 0)).toBe(k.totals.byLevel[l]);
    }
  });

  it('is all zeros for no rows', () => {
    expect(sumKofi([])).toEqual({ years: [], sums: {}, totals: { byLevel: emptyLevels(), fundedCents: 0, ownShareCents: 0, gapCents: 0, costCents: 0 } });
  });
});

describe('planProblems: the programme’s size (issue 12, finding 6)', () => {
  const leader = (amounts: Record<string, number>, over: Partial<PlanSource> = {}): PlanSource => ({
    kind: 'programme', programmeLevel: 'eu', programmeName: 'LEADER Sachsen 2023–2027', programmeMaxCents: null,
    programmeTypicalMaxCents: 200_000_00, status: 'idea', amounts, applicationDeadline: null, ...over,
  });
  const ctx = { plannedStart: null, today: '2026-03-01' };

  it('taking 2,2 Mio. € from LEADER (typically up to 200.000 €) raises a check', () => {
    const problems = planProblems(2_200_000_00, [leader({ '2027': 1_200_000_00, '2028': 1_000_000_00 })], ctx);
    expect(problems.map((p) => p.message)).toContain(
      'Quelle 1 (LEADER Sachsen 2023–2027): 2.200.000 € liegen weit über der typischen Förderung von bis zu 200.000 € je Vorhaben – Höhe mit dem Fördergeber klären oder weitere Quellen einplanen.',
    );
    const en = planProblems(2_200_000_00, [leader({ '2027': 2_200_000_00 })], { ...ctx, locale: 'en' });
    expect(en.find((p) => p.code === 'above_typical')?.message).toMatch(/^Source 1 \(LEADER Sachsen 2023–2027\): €2,200,000 is far above the typical grant of up to €200,000/);
  });

  it('within the typical size, rejected, or without recorded sizes: no check; above the maximum: the maximum is named', () => {
    expect(planProblems(null, [leader({ '2027': 200_000_00 })], ctx).map((p) => p.code)).not.toContain('above_typical');
    expect(planProblems(null, [leader({ '2027': 2_200_000_00 }, { status: 'rejected' })], ctx).map((p) => p.code)).not.toContain('above_typical');
    expect(planProblems(null, [leader({ '2027': 2_200_000_00 }, { programmeTypicalMaxCents: undefined })], ctx).map((p) => p.code)).not.toContain('above_typical');
    const max = planProblems(null, [leader({ '2027': 300_000_00 }, { programmeName: 'KfW 432', programmeMaxCents: 200_000_00 })], ctx);
    expect(max.filter((p) => p.code.startsWith('above_')).map((p) => p.message)).toEqual(['Quelle 1 (KfW 432): 300.000 € liegen über dem Höchstbetrag des Programms von 200.000 €.']);
  });
});
