/**
 * Class breaks for a map legend that a reader can take in at a glance: round numbers (1, 2, 2.5 or 5 times
 * a power of ten) rather than a fifth of the maximum ("3.381.001 € – 6.762.000 €"). The classes cover the
 * data's own range, not 0 … maximum, so that every class tends to hold districts and the colours differ.
 * Pure; used by the district map (web/features/map).
 */

/** The smallest round step ≥ `x`: 1, 2, 2.5, 5 × 10^e; with `whole`, only whole numbers (2.5 only from 25 up). */
export function roundStep(x: number, whole = true): number {
  const min = whole ? Math.max(1, x) : x;
  if (!(min > 0) || !Number.isFinite(min)) return 1;
  let e = Math.floor(Math.log10(min));
  for (;;) {
    for (const m of [1, 2, 2.5, 5]) {
      const step = m * 10 ** e;
      if (whole && !Number.isInteger(step)) continue;
      // 1e-9: 0.3 / 0.1 and friends must not skip a step that is meant to fit exactly
      if (step >= min * (1 - 1e-9)) return step;
    }
    e += 1;
  }
}

/**
 * Upper bounds of at most `maxClasses` classes for the positive values (zero or less gets a class of its
 * own, "none"). A value v belongs to the first class whose bound is ≥ v. Bounds are whole multiples of
 * `unit` (e.g. 100 for cents counted in whole euros) and of a round step; the first bound is the first
 * multiple of the step at or above the smallest value, the last one at or above the largest.
 */
export function legendBreaks(values: number[], maxClasses = 5, unit = 1): number[] {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v)).map((v) => v / unit);
  if (positive.length === 0 || maxClasses < 1) return [];
  const min = Math.min(...positive);
  const max = Math.max(...positive);
  let step = roundStep((max - min) / maxClasses);
  for (;;) {
    const first = Math.max(step, Math.ceil(min / step - 1e-9) * step);
    const count = 1 + Math.max(0, Math.ceil((max - first) / step - 1e-9));
    if (count <= maxClasses) return Array.from({ length: count }, (_, i) => (first + i * step) * unit);
    step = roundStep(step * 1.000001);
  }
}

/** The class of a value: −1 for none (≤ 0), else the index of the first bound ≥ value (the last class beyond). */
export function legendClassOf(value: number, breaks: number[]): number {
  if (!(value > 0) || breaks.length === 0) return -1;
  const i = breaks.findIndex((b) => value <= b);
  return i < 0 ? breaks.length - 1 : i;
}
