import { describe, it, expect } from 'vitest';
import { FundingProgrammeInput } from '../../../contract/funding';
import { FUNDING_PROGRAMMES } from './funding-programmes';

/** The programmes the seed catalogue must contain at least. */
const REQUIRED_NAMES = [
  'Städtebauförderung – Lebendige Zentren',
  'Städtebauförderung – Sozialer Zusammenhalt',
  'Städtebauförderung – Wachstum und nachhaltige Erneuerung',
  'KfW 432 – Energetische Stadtsanierung (Zuschuss)',
  'Sanierung kommunaler Einrichtungen in den Bereichen Sport, Jugend und Kultur',
  'Kommunalrichtlinie (Nationale Klimaschutzinitiative)',
  'EFRE Nachhaltige Stadtentwicklung Sachsen 2021–2027',
  'LEADER Sachsen 2023–2027',
];

/** Hosts named as sources in shared/reference/domain-facts.md. */
const SOURCE_HOSTS = [
  'www.staedtebaufoerderung.info',
  'www.foerderdatenbank.de',
  'plattformklima.nrw',
  'www.geb-info.de',
  'www.sport-jugend-kultur.de',
  'www.dstgb.de',
  'www.klimaschutz.de',
  'www.bauen-wohnen.sachsen.de',
  'www.laendlicher-raum.sachsen.de',
];

const byName = (name: string) => {
  const p = FUNDING_PROGRAMMES.find((x) => x.name === name);
  if (!p) throw new Error(`missing programme ${name}`);
  return p;
};

describe('FUNDING_PROGRAMMES seed catalogue', () => {
  it('has at least the required programmes', () => {
    const names = FUNDING_PROGRAMMES.map((p) => p.name);
    for (const n of REQUIRED_NAMES) expect(names).toContain(n);
    expect(FUNDING_PROGRAMMES.length).toBeGreaterThanOrEqual(REQUIRED_NAMES.length);
  });

  it('has unique names', () => {
    const names = FUNDING_PROGRAMMES.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(FUNDING_PROGRAMMES.map((p) => [p.name, p] as const))('%s parses unchanged as FundingProgrammeInput', (_, p) => {
    const r = FundingProgrammeInput.safeParse(p);
    expect(r.success, r.success ? '' : JSON.stringify(r.error.issues)).toBe(true);
    // no silent trimming or defaults: the seed is stored exactly as written
    expect(r.data).toEqual(p);
  });

  it.each(FUNDING_PROGRAMMES.map((p) => [p.name, p] as const))('%s has an https source and a last-checked date', (_, p) => {
    const url = new URL(p.sourceUrl);
    expect(url.protocol).toBe('https:');
    expect(SOURCE_HOSTS).toContain(url.host);
    expect(p.lastChecked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each(FUNDING_PROGRAMMES.map((p) => [p.name, p] as const))('%s has sane rates, windows and texts', (_, p) => {
    for (const r of [p.ratePercent, p.rateWeakPercent]) {
      if (r !== null) {
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(100);
      }
    }
    if (p.ratePercent !== null && p.rateWeakPercent !== null) expect(p.rateWeakPercent).toBeGreaterThanOrEqual(p.ratePercent);
    if (p.ratePercent === null) expect(p.rateText).toMatch(/je nach/);
    if (p.minAmountCents !== null && p.maxAmountCents !== null) expect(p.minAmountCents).toBeLessThanOrEqual(p.maxAmountCents);

    for (const w of p.windows) {
      if (w.opensOn && w.closesOn) expect(w.opensOn <= w.closesOn).toBe(true);
    }
    const closes = p.windows.map((w) => w.closesOn).filter((d): d is string => d !== null);
    expect([...closes].sort()).toEqual(closes);

    expect(p.topics.length).toBeGreaterThan(0);
    expect(new Set(p.topics.map((t) => t.toLowerCase())).size).toBe(p.topics.length);
    expect(p.applicants.length).toBeGreaterThan(0);
    expect(p.rateText.length).toBeGreaterThan(0);
    expect(p.provider.length).toBeGreaterThan(0);
    expect(p.description.length).toBeGreaterThan(50);
    expect(p.requiredDocuments.length).toBeGreaterThan(0);
  });

  it('records the key facts of the required programmes', () => {
    for (const n of REQUIRED_NAMES.slice(0, 3)) {
      const p = byName(n);
      expect(p).toMatchObject({ level: 'federal', kind: 'grant', ratePercent: 66.67, requiresDesignatedArea: true, climateRequirement: true });
      expect(p.applicants).toEqual(['municipality']);
      expect(p.requiredDocuments).toMatch(/Programmanmeldung über das Land/);
    }
    expect(byName(REQUIRED_NAMES[3])).toMatchObject({ ratePercent: 75, rateWeakPercent: 90, maxAmountCents: 20_000_000 });
    expect(byName(REQUIRED_NAMES[4])).toMatchObject({ ratePercent: 45, rateWeakPercent: 90 });
    expect(byName(REQUIRED_NAMES[4]).windows.map((w) => w.closesOn)).toEqual(['2026-01-15']);
    expect(byName(REQUIRED_NAMES[5])).toMatchObject({ ratePercent: 70, rateWeakPercent: 90, climateRequirement: true });
    expect(byName(REQUIRED_NAMES[5]).windows).toEqual([
      { opensOn: null, closesOn: '2027-12-31', note: 'Förderfenster laut Richtlinie vom 10.10.2024' },
    ]);
    expect(byName(REQUIRED_NAMES[6])).toMatchObject({ level: 'eu', ratePercent: 50, requiresDesignatedArea: true });
    expect(byName(REQUIRED_NAMES[7])).toMatchObject({ level: 'eu', ratePercent: null });
    expect(byName(REQUIRED_NAMES[7]).applicants).toContain('local_action_group');
  });

  it('says where each programme funds: area kinds, settlement types and typical sizes (sources in the seed file)', () => {
    const kinds = (i: number) => byName(REQUIRED_NAMES[i]).areaKinds;
    expect([0, 1, 2, 6, 7].map(kinds)).toEqual([['lebendige_zentren'], ['sozialer_zusammenhalt'], ['wachstum_nachhaltige_erneuerung'], ['efre'], ['leader']]);
    // every programme that funds only in designated areas names the kind of area it needs
    for (const p of FUNDING_PROGRAMMES) if (p.requiresDesignatedArea) expect(p.areaKinds.length, p.name).toBeGreaterThan(0);
    expect(byName(REQUIRED_NAMES[7])).toMatchObject({ requiresDesignatedArea: true, settlementTypes: ['rural'], typicalMaxCents: 20_000_000 });
    expect(byName(REQUIRED_NAMES[6]).settlementTypes).toEqual(['urban']);
    expect(byName(REQUIRED_NAMES[4])).toMatchObject({ typicalMinCents: 50_000_000, typicalMaxCents: 300_000_000 });
    // topics say what a programme is for: no bare location names, no preconditions such as "Sanierung" alone
    for (const p of FUNDING_PROGRAMMES) expect(p.topics, p.name).not.toContain('Sachsen');
    expect(byName(REQUIRED_NAMES[0]).topics).not.toContain('Sanierung');
    expect(byName(REQUIRED_NAMES[3]).topics).not.toContain('Energetische Sanierung');
  });
});
