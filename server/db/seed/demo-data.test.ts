import { describe, it, expect } from 'vitest';
import { demoData, type DemoPolygon } from './demo-data';
import { statusPriorityProblem } from '../../../domain/measure-state';

const { dimensions, actionFields, goals, districts, departments, briefs } = demoData;

const names = <T extends { name: string }>(xs: T[]) => new Set(xs.map((x) => x.name));
const dimensionNames = names(dimensions);
const actionFieldNames = names(actionFields);
const districtNames = names(districts);
const departmentNames = names(departments);
const goalTitles = new Set(goals.map((g) => g.title));

const STATUSES = ['idea', 'brief', 'prioritised', 'planning', 'implementation', 'done', 'on_hold'];

function countBy<T>(xs: T[], key: (x: T) => string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) for (const k of key(x)) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** WCAG relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

const ring = (p: DemoPolygon) => p.coordinates[0];

/** Shoelace formula; positive for counter-clockwise rings. */
function signedArea(r: [number, number][]): number {
  let a = 0;
  for (let i = 0; i < r.length - 1; i++) a += r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
  return a / 2;
}

function contains(r: [number, number][], [x, y]: [number, number]): boolean {
  let inside = false;
  for (let i = 0, j = r.length - 2; i < r.length - 1; j = i++) {
    const [xi, yi] = r[i];
    const [xj, yj] = r[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

describe('Musterstadt demo data', () => {
  it('has the expected numbers of entities', () => {
    expect(dimensions).toHaveLength(3);
    expect(districts).toHaveLength(8);
    expect(departments).toHaveLength(10);
    expect(goals).toHaveLength(15);
    expect(actionFields).toHaveLength(8);
    expect(briefs).toHaveLength(43);
  });

  it('has a vision and a 20-year horizon', () => {
    expect(demoData.vision.length).toBeGreaterThan(200);
    expect(demoData.horizonEnd - demoData.horizonStart).toBe(20);
  });

  it('uses the three dimensions of the New Leipzig Charter with readable colours', () => {
    expect([...dimensionNames].sort()).toEqual(['Gerechte Stadt', 'Grüne Stadt', 'Produktive Stadt']);
    for (const d of dimensions) {
      expect(d.color).toMatch(/^#[0-9a-fA-F]{6}$/);
      expect(contrastWithWhite(d.color), d.name).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('has unique names and titles', () => {
    const lists: { name: string }[][] = [dimensions, actionFields, districts, departments];
    for (const list of lists) {
      expect(names(list).size).toBe(list.length);
    }
    expect(goalTitles.size).toBe(goals.length);
    expect(new Set(briefs.map((b) => b.title)).size).toBe(briefs.length);
    expect(new Set(departments.map((d) => d.shortName)).size).toBe(departments.length);
  });

  it('references only existing names from goals', () => {
    for (const g of goals) {
      expect(g.actionFields.length, g.title).toBeGreaterThan(0);
      expect(g.dimensions.length, g.title).toBeGreaterThan(0);
      for (const a of g.actionFields) expect(actionFieldNames.has(a), `${g.title}: ${a}`).toBe(true);
      for (const d of g.dimensions) expect(dimensionNames.has(d), `${g.title}: ${d}`).toBe(true);
    }
  });

  it('references only existing names from briefs', () => {
    for (const b of briefs) {
      for (const d of b.districts) expect(districtNames.has(d), `${b.title}: ${d}`).toBe(true);
      expect(departmentNames.has(b.leadDepartment), `${b.title}: ${b.leadDepartment}`).toBe(true);
      for (const d of b.partnerDepartments) expect(departmentNames.has(d), `${b.title}: ${d}`).toBe(true);
      for (const g of b.goals) expect(goalTitles.has(g), `${b.title}: ${g}`).toBe(true);
      for (const a of b.actionFields) expect(actionFieldNames.has(a), `${b.title}: ${a}`).toBe(true);
      for (const d of b.dimensions) expect(dimensionNames.has(d), `${b.title}: ${d}`).toBe(true);
    }
  });

  it('keeps every brief within the documented shape', () => {
    for (const b of briefs) {
      const t = b.title;
      expect(b.districts.length, t).toBeGreaterThanOrEqual(1);
      expect(b.districts.length, t).toBeLessThanOrEqual(2);
      expect(b.partnerDepartments.length, t).toBeLessThanOrEqual(3);
      expect(new Set(b.partnerDepartments).size, t).toBe(b.partnerDepartments.length);
      expect(b.goals.length, t).toBeGreaterThanOrEqual(1);
      expect(b.goals.length, t).toBeLessThanOrEqual(3);
      expect(b.actionFields.length, t).toBeGreaterThanOrEqual(1);
      expect(b.actionFields.length, t).toBeLessThanOrEqual(2);
      expect(b.dimensions.length, t).toBeGreaterThanOrEqual(1);
      expect(b.dimensions.length, t).toBeLessThanOrEqual(3);
      expect(b.tags.length, t).toBeGreaterThanOrEqual(1);
      expect(b.tags.length, t).toBeLessThanOrEqual(4);
      for (const field of [b.need, b.goal, b.description, b.externalActors, b.targetGroups]) {
        expect(field.trim().length, t).toBeGreaterThan(10);
      }
      expect(STATUSES, t).toContain(b.status);
      expect(b.origin, t).toBe(`Führungskräfteworkshop 22./23.06.2023, Gruppe ${b.districts[0]}`);
      if (b.costEur !== null) {
        expect(Number.isInteger(b.costEur), t).toBe(true);
        expect(b.costEur, t).toBeGreaterThanOrEqual(15_000);
        expect(b.costEur, t).toBeLessThanOrEqual(12_000_000);
      }
    }
  });

  it('does not list the lead department among the partners', () => {
    for (const b of briefs) expect(b.partnerDepartments, b.title).not.toContain(b.leadDepartment);
  });

  it('has valid planned dates with the end not before the start', () => {
    for (const b of briefs) {
      for (const date of [b.plannedStart, b.plannedEnd]) {
        if (date === null) continue;
        expect(date, b.title).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10), b.title).toBe(date);
        expect(date >= '2025-01-01' && date <= '2040-12-31', `${b.title}: ${date}`).toBe(true);
      }
      if (b.plannedStart !== null && b.plannedEnd !== null) {
        expect(b.plannedEnd >= b.plannedStart, b.title).toBe(true);
      }
    }
  });

  it('spreads briefs across districts (3–8 each)', () => {
    const perDistrict = countBy(briefs, (b) => b.districts);
    for (const d of districtNames) {
      expect(perDistrict.get(d) ?? 0, d).toBeGreaterThanOrEqual(3);
      expect(perDistrict.get(d) ?? 0, d).toBeLessThanOrEqual(8);
    }
  });

  it('lets every department lead 2–7 briefs', () => {
    const perLead = countBy(briefs, (b) => [b.leadDepartment]);
    for (const d of departmentNames) {
      expect(perLead.get(d) ?? 0, d).toBeGreaterThanOrEqual(2);
      expect(perLead.get(d) ?? 0, d).toBeLessThanOrEqual(7);
    }
  });

  it('uses every status, mostly "brief"', () => {
    const perStatus = countBy(briefs, (b) => [b.status]);
    for (const s of STATUSES) expect(perStatus.get(s) ?? 0, s).toBeGreaterThan(0);
    const max = Math.max(...perStatus.values());
    expect(perStatus.get('brief')).toBe(max);
  });

  it('lets status and priority class agree in every brief (domain/measure-state.ts)', () => {
    for (const b of briefs) expect(statusPriorityProblem(b.status, b.priority ?? null), `${b.title}: ${b.status} / ${b.priority ?? 'keine Klasse'}`).toBeNull();
    // the prioritised briefs are really prioritised: every one has its class
    const prioritised = briefs.filter((b) => b.status === 'prioritised');
    expect(prioritised.length).toBeGreaterThan(0);
    expect(prioritised.every((b) => b.priority)).toBe(true);
  });

  it('contains words that exercise German full-text search', () => {
    const text = briefs.map((b) => `${b.title} ${b.need} ${b.goal} ${b.description}`).join('\n');
    for (const word of ['Sanierung', 'Sanierungen', 'Straßenplanung', 'Straßenbeleuchtung', 'Schulhofsanierung']) {
      expect(text).toContain(word);
    }
    expect(briefs.filter((b) => /Sanierung/.test(b.title)).length).toBeGreaterThanOrEqual(3);
  });

  describe('district boundaries', () => {
    it('are closed GeoJSON polygons with 5–8 positions near Musterstadt', () => {
      for (const d of districts) {
        expect(d.boundary.type, d.name).toBe('Polygon');
        expect(d.boundary.coordinates, d.name).toHaveLength(1);
        const r = ring(d.boundary);
        expect(r.length, d.name).toBeGreaterThanOrEqual(5);
        expect(r.length, d.name).toBeLessThanOrEqual(8);
        expect(r[r.length - 1], d.name).toEqual(r[0]);
        expect(new Set(r.slice(0, -1).map((p) => p.join(','))).size, d.name).toBe(r.length - 1);
        for (const [lon, lat] of r) {
          expect(Math.abs(lon - 11.99), d.name).toBeLessThan(0.1);
          expect(Math.abs(lat - 51.35), d.name).toBeLessThan(0.1);
        }
      }
    });

    it('run counter-clockwise (RFC 7946)', () => {
      for (const d of districts) expect(signedArea(ring(d.boundary)), d.name).toBeGreaterThan(0);
    });

    it('do not overlap and leave no holes in the core town', () => {
      const rings = districts.map((d) => ring(d.boundary));
      let covered = 0;
      let samples = 0;
      // Sample a grid offset from all vertex coordinates, so that no sample lies on an edge.
      for (let lon = 11.94; lon <= 12.04; lon += 0.00137) {
        for (let lat = 51.325; lat <= 51.38; lat += 0.00071) {
          const hits = rings.filter((r) => contains(r, [lon, lat])).length;
          expect(hits, `${lon},${lat}`).toBeLessThanOrEqual(1);
          // The core town (between Wallendorf and Kötzschen) is fully tiled.
          if (lon > 11.965 && lon < 12.01 && lat > 51.335 && lat < 51.375) {
            samples++;
            if (hits === 1) covered++;
          }
        }
      }
      expect(samples).toBeGreaterThan(100);
      expect(covered).toBe(samples);
    });

    it('puts the Altstadt in the middle of town', () => {
      const alt = districts.find((d) => d.name === 'Altstadt')!;
      expect(contains(ring(alt.boundary), [11.99, 51.35])).toBe(true);
    });
  });
});
