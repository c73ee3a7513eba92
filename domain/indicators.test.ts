import { describe, expect, it } from 'vitest';
import { evaluateIndicator, expectedRange, expectedValue, parseDecimal, ruleList, type IndicatorPath } from './indicators';

// 2025-01-01 → 2027-01-01 are 730 days; 2026-01-01 lies exactly halfway.
const up: IndicatorPath = { kind: 'increase_to', baselineValue: 20, baselineDate: '2025-01-01', targets: [{ date: '2027-01-01', value: 40 }] };
const down: IndicatorPath = { kind: 'decrease_to', baselineValue: 40, baselineDate: '2025-01-01', targets: [{ date: '2027-01-01', value: 20 }] };
const at = (p: IndicatorPath, value: number, date = '2026-01-01', today = '2026-03-01') => evaluateIndicator(p, [{ date, value }], today);

describe('expected value on the target path', () => {
  it('is linear between baseline and target, the target after it, and null before the baseline', () => {
    expect(expectedValue(up, '2025-01-01')).toBe(20);
    expect(expectedValue(up, '2026-01-01')).toBe(30);
    expect(expectedValue(up, '2027-01-01')).toBe(40);
    expect(expectedValue(up, '2030-05-05')).toBe(40);
    expect(expectedValue(up, '2024-12-31')).toBeNull();
    expect(expectedValue(down, '2026-01-01')).toBe(30);
  });
  it('follows several targets in date order, whatever order they were given in', () => {
    const p: IndicatorPath = { kind: 'increase_to', baselineValue: 0, baselineDate: '2025-01-01', targets: [{ date: '2026-01-11', value: 30 }, { date: '2026-01-01', value: 10 }] };
    expect(expectedValue(p, '2025-07-02')).toBeCloseTo(10 * 182 / 365, 10);
    expect(expectedValue(p, '2026-01-06')).toBe(20);
    expect(expectedValue(p, '2027-01-01')).toBe(30);
  });
  it('stays at the baseline without targets and when the target equals the baseline', () => {
    expect(expectedValue({ ...up, targets: [] }, '2026-01-01')).toBe(20);
    expect(expectedValue({ ...up, targets: [{ date: '2027-01-01', value: 20 }] }, '2026-01-01')).toBe(20);
  });
  it('moves a range linearly between targets and keeps the first range before it', () => {
    const p: IndicatorPath = { kind: 'within_range', baselineValue: 50, baselineDate: '2025-01-01', targets: [{ date: '2026-01-01', min: 40, max: 60 }, { date: '2026-01-11', min: 50, max: 70 }] };
    expect(expectedRange(p, '2025-06-01')).toEqual({ min: 40, max: 60 });
    expect(expectedRange(p, '2026-01-06')).toEqual({ min: 45, max: 65 });
    expect(expectedRange(p, '2028-01-01')).toEqual({ min: 50, max: 70 });
    expect(expectedRange(p, '2024-01-01')).toBeNull();
  });
});

describe('indicator state by the rule list', () => {
  it('increase: at or above the path on course; 5 % behind still on course; up to 15 % at risk; beyond off course', () => {
    expect(at(up, 31)).toMatchObject({ state: 'on_course', rule: 'at_or_better', expected: 30 });
    expect(at(up, 30).state).toBe('on_course');
    const edge = at(up, 28.5); // 1.5 of 30 = exactly 5 %
    expect(edge).toMatchObject({ state: 'on_course', rule: 'within_on_course' });
    expect(edge.reason.de).toBe('Messwert 28,5 am 01.01.2026, Sollwert auf dem Zielpfad 30: 5 % dahinter (höchstens 5 %).');
    expect(edge.reason.en).toBe('Value 28.5 on 01/01/2026, expected on the target path 30: 5 % behind (at most 5 %).');
    expect(at(up, 28.4)).toMatchObject({ state: 'at_risk', rule: 'within_at_risk' });
    expect(at(up, 25.5)).toMatchObject({ state: 'at_risk', rule: 'within_at_risk' }); // exactly 15 %
    const off = at(up, 25.4);
    expect(off).toMatchObject({ state: 'off_course', rule: 'behind' });
    expect(off.reason.de).toContain('15,3 % dahinter (mehr als 15 %)');
  });
  it('decrease: lower is better, the same thresholds apply to being above the path', () => {
    expect(at(down, 25).state).toBe('on_course');
    expect(at(down, 31.5)).toMatchObject({ state: 'on_course', rule: 'within_on_course' });
    expect(at(down, 34.5)).toMatchObject({ state: 'at_risk' });
    expect(at(down, 35)).toMatchObject({ state: 'off_course' });
  });
  it('decrease to zero: the shortfall is measured against the largest magnitude on the path', () => {
    const zero: IndicatorPath = { kind: 'decrease_to', baselineValue: 10, baselineDate: '2025-01-01', targets: [{ date: '2027-01-01', value: 0 }] };
    expect(at(zero, 0, '2027-06-01', '2027-06-02').state).toBe('on_course');
    expect(at(zero, 0.5, '2027-06-01', '2027-06-02')).toMatchObject({ state: 'on_course', expected: 0 });
    expect(at(zero, 2, '2027-06-01', '2027-06-02').state).toBe('off_course');
  });
  it('target equal to the baseline: holding the value is on course', () => {
    const hold = { ...up, targets: [{ date: '2027-01-01', value: 20 }] };
    expect(at(hold, 20).state).toBe('on_course');
    expect(at(hold, 19).state).toBe('on_course'); // 5 %
    expect(at(hold, 17).state).toBe('at_risk'); // 15 %
  });
  it('uses the latest value since the baseline and up to today; values before the baseline or in the future do not count', () => {
    expect(at(up, 30, '2024-06-01')).toMatchObject({ state: 'no_data', rule: 'no_data', latest: null });
    const e = evaluateIndicator(up, [{ date: '2025-07-02', value: 10 }, { date: '2026-01-01', value: 30 }, { date: '2026-06-01', value: 0 }], '2026-03-01');
    expect(e).toMatchObject({ state: 'on_course', latest: { date: '2026-01-01', value: 30 } });
    expect(evaluateIndicator(up, [], '2026-03-01').reason.de).toContain('Noch kein Messwert seit dem Ausgangswert (01.01.2025)');
  });
  it('no value in the last 18 months: no data; on the day the 18 months end it still counts', () => {
    expect(at(up, 30, '2026-01-01', '2027-07-01').state).toBe('on_course');
    const old = at(up, 30, '2026-01-01', '2027-07-02');
    expect(old).toMatchObject({ state: 'no_data', rule: 'no_data' });
    expect(old.reason.de).toBe('Letzter Messwert vom 01.01.2026, älter als 18 Monate.');
  });
  it('range: inside (bounds included) on course; up to 5 % of the nearer bound outside at risk; beyond off course', () => {
    const r: IndicatorPath = { kind: 'within_range', baselineValue: 50, baselineDate: '2025-01-01', targets: [{ date: '2026-01-01', min: 40, max: 60 }] };
    expect(at(r, 60)).toMatchObject({ state: 'on_course', rule: 'range_inside', range: { min: 40, max: 60 } });
    expect(at(r, 40).state).toBe('on_course');
    expect(at(r, 63)).toMatchObject({ state: 'at_risk', rule: 'range_near' }); // 3 of 60
    expect(at(r, 63.1).state).toBe('off_course');
    expect(at(r, 38).state).toBe('at_risk'); // 2 of 40
    expect(at(r, 37.9).state).toBe('off_course');
    expect(at(r, 38).reason.de).toBe('38 liegt 5 % außerhalb des Zielbereichs 40–60 (höchstens 5 %).');
  });
  it('the rule list is ordered and names its thresholds in both languages', () => {
    const rules = ruleList();
    expect(rules.map((r) => r.id)).toEqual(['no_data', 'range_inside', 'range_near', 'at_or_better', 'within_on_course', 'within_at_risk', 'behind']);
    expect(rules[4].de).toBe('Höchstens 5 % hinter dem Sollwert → Auf Kurs.');
    expect(rules[5].en).toBe('At most 15 % behind the expected value → At risk.');
  });
});

describe('numbers as German files write them', () => {
  it('reads decimal commas and thousands dots, and English decimal points that cannot be thousands', () => {
    expect(parseDecimal('1.234,5')).toBe(1234.5);
    expect(parseDecimal(' -0,75 ')).toBe(-0.75);
    expect(parseDecimal('1.234')).toBe(1234);
    expect(parseDecimal('12.5')).toBe(12.5);
    expect(parseDecimal('1.234.567')).toBe(1234567);
    expect(parseDecimal('42')).toBe(42);
    for (const bad of ['', 'abc', '1,2,3', '1.23,4.5', '12,5 %']) expect(parseDecimal(bad)).toBeNull();
  });
});
