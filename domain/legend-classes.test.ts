import { describe, expect, it } from 'vitest';
import { legendBreaks, legendClassOf, roundStep } from './legend-classes';

describe('roundStep', () => {
  it('takes the next of 1, 2, 2.5, 5 times a power of ten', () => {
    expect(roundStep(1.4)).toBe(2);
    expect(roundStep(3)).toBe(5);
    expect(roundStep(7)).toBe(10);
    expect(roundStep(20)).toBe(20);
    expect(roundStep(21)).toBe(25);
    expect(roundStep(2_035_000)).toBe(2_500_000);
  });
  it('counts in whole units: never below 1, 2.5 skipped where it is not whole', () => {
    expect(roundStep(0.3)).toBe(1);
    expect(roundStep(2.2)).toBe(5);
    expect(roundStep(0.3, false)).toBe(0.5);
  });
});

describe('legendBreaks', () => {
  it('classes the demo counts (5 … 8 measures per district) one by one instead of "1 – 2, 3 – 4, 5, 6 – 7, 8"', () => {
    expect(legendBreaks([8, 7, 7, 5, 7, 5, 6, 6])).toEqual([5, 6, 7, 8]);
  });
  it('classes the demo costs in round millions instead of fifths of the maximum', () => {
    const euros = [16_630_000, 7_665_000, 11_640_000, 16_905_000, 12_330_000, 8_200_000, 7_360_000, 6_730_000];
    const breaks = legendBreaks(euros.map((e) => e * 100), 5, 100);
    expect(breaks).toEqual([7_500_000, 10_000_000, 12_500_000, 15_000_000, 17_500_000].map((e) => e * 100));
  });
  it('uses round steps from 1 up when the values start low', () => {
    expect(legendBreaks([1, 3, 8, 0])).toEqual([2, 4, 6, 8]);
    expect(legendBreaks([1, 2, 3])).toEqual([1, 2, 3]);
    expect(legendBreaks([3, 40, 97])).toEqual([20, 40, 60, 80, 100]);
    expect(legendBreaks([30, 60, 97])).toEqual([40, 60, 80, 100]);
  });
  it('gives one class when all values are equal, none without positive values', () => {
    expect(legendBreaks([4, 4, 4])).toEqual([4]);
    expect(legendBreaks([0, 0])).toEqual([]);
    expect(legendBreaks([])).toEqual([]);
  });
  it('never makes more classes than asked for, and the last bound covers the largest value', () => {
    for (const values of [[1, 1000], [13, 14, 15, 16, 17, 18, 19], [2, 9_999_999], [123_456, 123_457]]) {
      for (const k of [1, 2, 3, 5]) {
        const b = legendBreaks(values, k);
        expect(b.length).toBeLessThanOrEqual(k);
        expect(b.at(-1)).toBeGreaterThanOrEqual(Math.max(...values));
        expect(b[0]).toBeGreaterThanOrEqual(Math.min(...values) > 0 ? 1 : 0);
        expect(b.every((x) => Number.isInteger(x))).toBe(true);
      }
    }
  });
  it('keeps whole euros for cents', () => {
    expect(legendBreaks([150, 990], 5, 100)).toEqual([200, 400, 600, 800, 1000]);
  });
});

describe('legendClassOf', () => {
  it('puts a value in the first class whose bound is at least the value; zero in none', () => {
    const b = [5, 6, 7, 8];
    expect([0, 1, 5, 6, 7.5, 8, 9].map((v) => legendClassOf(v, b))).toEqual([-1, 0, 0, 1, 3, 3, 3]);
    expect(legendClassOf(3, [])).toBe(-1);
  });
});
