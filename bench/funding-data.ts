/**
 * Funding benchmark data on top of bench/generate.ts: a catalogue of P programmes and funding plans
 * for about 60 % of the measures, bulk-inserted with multi-row INSERTs.
 *
 * - Programmes: the shipped catalogue (`ensureCatalogue`, 8 real programmes) plus P − 8 variants of
 *   them: other names, levels, kinds, rates, limits and applicants, topics drawn from the base
 *   programme's topics and a German topic word list, application windows in 2026–2029 (some already
 *   closed on 2026-11-22, some rolling), about a third requiring a designated funding area.
 * - Three of the eight demo districts (Altstadt, Neustadt, Bahnhofsviertel) become designated areas.
 * - Funding plans: 1–3 sources per planned measure (programme, municipal budget, third party), amounts
 *   year → cents over 2026–2032 that stay within the measure's cost, statuses mixed (idea … paid out,
 *   some rejected), application deadlines on some sources not yet applied for. Only `funding_source`
 *   is written: `measure.funding_version` and all other rows stay as they are.
 * Deterministic (own PRNG with a fixed seed), so every run gets the same data.
 */
import type { Db } from '../server/db/client';
import type { FundingProgrammeInput } from '../contract/funding';
import { FUNDING_PROGRAMMES } from '../server/db/seed/funding-programmes';
import { ensureCatalogue } from '../server/modules/funding/programmes.service';
import { splitEvenly } from '../domain/financing';
import type { Maintenance } from './generate';

/** mulberry32, as in bench/generate.ts */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** German funding topics besides those of the shipped catalogue (matched against tags, fields of action and text). */
export const TOPIC_WORDS = [
  'Radverkehr', 'Fußverkehr', 'Schulweg', 'Verkehrssicherheit', 'Barrierefreiheit', 'Inklusion', 'ÖPNV', 'Bushaltestelle',
  'Mobilitätsstation', 'Elektromobilität', 'Spielplatz', 'Familie', 'Kita', 'Schule', 'Schulhof', 'Senioren', 'Generationen',
  'Nachbarschaft', 'Beteiligung', 'Bürgerbeteiligung', 'Ehrenamt', 'Vereine', 'Treffpunkt', 'Begegnungsstätte', 'Bürgerhaus',
  'Kultur', 'Museum', 'Bibliothek', 'Musikschule', 'Denkmalschutz', 'Stadtbild', 'Innenstadt', 'Einzelhandel', 'Leerstand',
  'Gewerbe', 'Wirtschaftsförderung', 'Fachkräfte', 'Digitalisierung', 'Bürgerservice', 'Breitband', 'Tourismus', 'Naherholung',
  'Grünflächen', 'Stadtpark', 'Baumpflanzung', 'Begrünung', 'Entsiegelung', 'Schwammstadt', 'Regenwasser', 'Starkregen',
  'Hitze', 'Hitzeschutz', 'Klimaanpassung', 'Klimaschutz', 'Photovoltaik', 'Energie', 'Wärmedämmung', 'Wärmenetz',
  'Straßenbeleuchtung', 'Straßenbau', 'Brache', 'Wohnungsbau', 'Wohnen', 'Sport', 'Sporthalle', 'Freibad', 'Jugend',
  'Sicherheit', 'Ortsteil', 'Dorfentwicklung', 'Aufenthaltsqualität', 'Marktplatz', 'Sanierung', 'Modernisierung',
];

const PREFIXES = ['Landesprogramm', 'Förderrichtlinie', 'Sonderprogramm', 'Investitionspakt', 'Bundesprogramm', 'Modellvorhaben', 'Stiftungsfonds', 'Aktionsprogramm', 'Zukunftsfonds', 'Wettbewerb'];
const REGIONS = ['Sachsen', 'Thüringen', 'Sachsen-Anhalt', 'Brandenburg', 'Bayern', 'Hessen', 'Niedersachsen', 'NRW', 'Mitteldeutschland', 'Bund', 'EU'];
const LEVELS: [FundingProgrammeInput['level'], number][] = [['eu', 15], ['federal', 35], ['state', 40], ['other', 10]];
const KINDS: [FundingProgrammeInput['kind'], number][] = [['grant', 85], ['loan', 10], ['prize', 5]];
const RATES = [40, 45, 50, 60, 65, 66.67, 70, 75, 80, 90];
const STATUSES: [string, number][] = [['idea', 30], ['preparing', 20], ['applied', 15], ['approved', 15], ['rejected', 10], ['paid_out', 10]];
export const DESIGNATED = ['Altstadt', 'Neustadt', 'Bahnhofsviertel'];

const PROGRAMME_COLS = [
  'name', 'provider', 'level', 'kind', 'rate_text', 'rate_percent', 'rate_weak_percent', 'min_amount_cents', 'max_amount_cents',
  'applicants', 'topics', 'requires_designated_area', 'climate_requirement', 'windows', 'required_documents', 'description',
  'source_url', 'last_checked',
];
const SOURCE_COLS = ['measure_id', 'position', 'kind', 'programme_id', 'label', 'status', 'application_deadline', 'amounts', 'note'];

/** `INSERT … VALUES ($1, $2, …), ($1, …)`: $1 is the municipality, then `cols.length` parameters per row. */
function multiRowInsert(table: string, cols: string[], rows: number, cast: Record<string, string> = {}) {
  const values = Array.from({ length: rows }, (_, r) => `($1, ${cols.map((c, i) => `$${2 + r * cols.length + i}${cast[c] ? `::${cast[c]}` : ''}`).join(', ')})`);
  return `INSERT INTO ${table} (municipality_id, ${cols.join(', ')}) VALUES ${values.join(',\n')}`;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400e3));

export interface FundingGenerated {
  programmes: number;
  programmeIds: string[];
  designatedDistrictIds: string[];
  plannedMeasures: number;
  sources: number;
  ms: number;
}

/** `maintenance` runs after all inserts, as `generate`'s does (call `generate` with 'none' first). */
export async function generateFunding(db: Db, municipalityId: string, opts: { programmes: number; seed?: number; maintenance?: Maintenance }): Promise<FundingGenerated> {
  const t0 = Date.now();
  const r = rng(opts.seed ?? 2026);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const chance = (p: number) => r() < p;
  const some = <T>(xs: readonly T[], lo: number, hi: number) => [...xs].sort(() => r() - 0.5).slice(0, int(lo, hi));
  const weighted = <T>(xs: [T, number][]) => {
    let x = r() * xs.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of xs) if ((x -= w) < 0) return v;
    return xs[0][0];
  };

  // The real catalogue first (the app's own code path), then the variants.
  await ensureCatalogue(db, municipalityId);
  const designated = await db.query<{ id: string }>(
    "UPDATE district SET designations = '{lebendige_zentren}' WHERE municipality_id = $1 AND name = ANY($2::text[]) RETURNING id",
    [municipalityId, DESIGNATED],
  );

  const variants: unknown[][] = [];
  for (let i = 0; i < opts.programmes - FUNDING_PROGRAMMES.length; i++) {
    const base = FUNDING_PROGRAMMES[i % FUNDING_PROGRAMMES.length];
    const own = some(base.topics, Math.ceil(base.topics.length * 0.4), base.topics.length);
    const extra = some(TOPIC_WORDS, 2, 6);
    const topics = [...new Set([...own, ...extra])].slice(0, 20);
    const level = weighted(LEVELS);
    const kind = weighted(KINDS);
    const rate = chance(0.1) ? null : pick(RATES);
    const weak = rate != null && chance(0.3) ? Math.min(100, rate + pick([10, 15, 20])) : null;
    const min = chance(0.3) ? int(5, 100) * 1000_00 : null;
    const max = chance(0.5) ? int(Math.max(1, Math.ceil((min ?? 0) / 100_000_00)), 50) * 100_000_00 : null;
    const applicants = chance(0.9)
      ? ['municipality', ...some(['municipal_enterprise', 'association', 'private'], 0, 2)]
      : some(['association', 'local_action_group', 'private'], 1, 2);
    const windows = chance(0.25)
      ? []
      : Array.from({ length: int(1, 3) }, () => {
          const opens = `${int(2026, 2029)}-${String(int(1, 12)).padStart(2, '0')}-01`;
          const closes = addDays(opens, int(60, 240));
          return { opensOn: chance(0.2) ? null : opens, closesOn: closes > '2029-12-31' ? '2029-12-31' : closes, note: `Aufruf ${opens.slice(0, 4)}` };
        });
    const name = `${pick(PREFIXES)} ${topics[0]} ${pick(REGIONS)} (${base.name.split(/ [–(]/)[0]}, Nr. ${i + 1})`;
    const p: FundingProgrammeInput = {
      name, provider: base.provider, level, kind,
      rateText: rate == null ? 'je nach Förderaufruf' : `bis ${rate} %${weak ? `, ${weak} % für finanzschwache Kommunen` : ''}`,
      ratePercent: rate, rateWeakPercent: weak, minAmountCents: min, maxAmountCents: max, applicants: applicants as FundingProgrammeInput['applicants'],
      topics, requiresDesignatedArea: chance(0.3), climateRequirement: chance(0.35), windows,
      requiredDocuments: base.requiredDocuments, description: `Variante von „${base.name}“ für den Benchmark. ${base.description.slice(0, 300)}`,
      sourceUrl: base.sourceUrl, lastChecked: '2026-11-21',
      // (not inserted below: the variants keep the columns' defaults)
      areaKinds: [], settlementTypes: [], typicalMinCents: null, typicalMaxCents: null,
    };
    variants.push([
      p.name, p.provider, p.level, p.kind, p.rateText, p.ratePercent, p.rateWeakPercent, p.minAmountCents, p.maxAmountCents,
      p.applicants, p.topics, p.requiresDesignatedArea, p.climateRequirement, JSON.stringify(p.windows), p.requiredDocuments,
      p.description, p.sourceUrl, p.lastChecked,
    ]);
  }
  const PROG_BATCH = 250;
  await db.tx(async (t) => {
    for (let i = 0; i < variants.length; i += PROG_BATCH) {
      const batch = variants.slice(i, i + PROG_BATCH);
      await t.query(
        multiRowInsert('funding_programme', PROGRAMME_COLS, batch.length, { applicants: 'text[]', topics: 'text[]', windows: 'jsonb', last_checked: 'date' }),
        [municipalityId, ...batch.flat()],
      );
    }
  });
  const programmes = await db.query<{ id: string; level: string }>('SELECT id, level FROM funding_programme WHERE municipality_id = $1 ORDER BY lower(name)', [municipalityId]);

  // Funding plans for ~60 % of the measures.
  const measures = await db.query<{ id: string; costCents: number | null; plannedStart: string | null }>(
    'SELECT id, cost_cents AS "costCents", planned_start AS "plannedStart" FROM measure WHERE municipality_id = $1 ORDER BY number',
    [municipalityId],
  );
  const sources: unknown[][] = [];
  let planned = 0;
  for (const m of measures) {
    if (!chance(0.6)) continue;
    planned++;
    const k = int(1, 3);
    const budget = m.costCents ?? int(10, 200) * 10_000_00;
    // Shares of the cost that the sources cover together (60–100 %), in whole cents.
    const covered = Math.floor(budget * (0.6 + 0.4 * r()));
    const shares = splitEvenly(covered, k);
    const startYear = Math.min(2032, Math.max(2026, m.plannedStart ? Number(m.plannedStart.slice(0, 4)) : int(2026, 2030)));
    for (let pos = 0; pos < k; pos++) {
      const kind = pos === 0 ? (chance(0.8) ? 'programme' : 'municipal_budget') : pos === 1 ? 'municipal_budget' : chance(0.5) ? 'programme' : 'third_party';
      const years = Math.min(int(1, 3), 2033 - startYear);
      const amounts = Object.fromEntries(splitEvenly(shares[pos], years).map((c, y) => [String(startYear + y), c]));
      const status = weighted(STATUSES);
      const deadline = (status === 'idea' || status === 'preparing') && chance(0.5) ? addDays('2026-12-01', int(0, 1000)) : null;
      const label = kind === 'municipal_budget' ? `Haushalt ${startYear}, Produkt 51.10` : kind === 'third_party' ? pick(['Stiftung Lebendige Stadt', 'Sparkassenstiftung', 'Wohnungsbaugenossenschaft', 'Stadtwerke']) : '';
      sources.push([m.id, pos, kind, kind === 'programme' ? pick(programmes).id : null, label, status, deadline, JSON.stringify(amounts), '']);
    }
  }
  const SRC_BATCH = 1000;
  await db.tx(async (t) => {
    for (let i = 0; i < sources.length; i += SRC_BATCH) {
      const batch = sources.slice(i, i + SRC_BATCH);
      await t.query(
        multiRowInsert('funding_source', SOURCE_COLS, batch.length, { measure_id: 'uuid', programme_id: 'uuid', application_deadline: 'date', amounts: 'jsonb' }),
        [municipalityId, ...batch.flat()],
      );
    }
  });
  const maintenance = opts.maintenance ?? 'vacuum';
  if (maintenance !== 'none') await db.exec(maintenance === 'vacuum' ? 'VACUUM ANALYZE' : 'ANALYZE');
  return {
    programmes: programmes.length,
    programmeIds: programmes.map((p) => p.id),
    designatedDistrictIds: designated.map((d) => d.id),
    plannedMeasures: planned,
    sources: sources.length,
    ms: Date.now() - t0,
  };
}
