/**
 * Finding synergy pairs without comparing all pairs: inverted lists (district, goal, field of action,
 * word, outside partner → measures) lead from each measure of a department straight to the measures it shares something
 * with, counting the shared items on the way (accumulators in typed arrays, no allocation per pair).
 * The counts go through the same formula as `scorePair` (domain/synergy.ts), so both always agree.
 * Pure: built from plain rows, kept in memory per data version by the service.
 */
import { actorNames, measurePeriod, score, scorePair, textWordForms, type ScoredPair, type SurfaceForms, type SynergyMeasure } from '../../../domain/synergy';

export interface IndexRow extends Omit<SynergyMeasure, 'words' | 'actors'> {
  number: number;
  title: string;
  version: number;
  /** title, goal and description */
  text?: string;
  /** or their words, already split (`textWordForms`), e.g. kept from an earlier build */
  forms?: Map<string, string>;
  /** the external actors as entered ("Gewerbeverein Altstadt, IHK") */
  externalActors?: string;
}

export interface IndexedMeasure extends SynergyMeasure {
  number: number;
  title: string;
  version: number;
}

export interface SynergyIndex {
  items: IndexedMeasure[];
  byId: Map<string, number>;
  forms: SurfaceForms;
  /** lead department per measure as a small integer; -1 without a lead */
  lead: Int32Array;
  departments: Map<string, number>;
  start: Int32Array;
  end: Int32Array;
  hasPeriod: Uint8Array;
  /** per category: item → its integer ids, and id → the items holding it */
  cats: { own: Int32Array[]; post: Int32Array[] }[];
}

/** A word in more briefs than this says nothing about a shared topic ("Maßnahme", "Stadt", "Projekt"). */
export const commonWordLimit = (n: number) => Math.max(8, Math.ceil(n * 0.05));

function category(rows: string[][]): { own: Int32Array[]; post: Int32Array[] } {
  const ids = new Map<string, number>();
  const lists: number[][] = [];
  const own = rows.map((values) => {
    const out: number[] = [];
    for (const v of new Set(values)) {
      let k = ids.get(v);
      if (k === undefined) ids.set(v, (k = lists.push([]) - 1));
      out.push(k);
    }
    return Int32Array.from(out);
  });
  own.forEach((ks, i) => ks.forEach((k) => lists[k].push(i)));
  return { own, post: lists.map((l) => Int32Array.from(l)) };
}

/**
 * Keys that are informative: held by at most `commonWordLimit` measures. A word or partner in many briefs
 * ("Maßnahme", "Stadtwerke") says nothing about a shared topic. Also collects a surface form per key.
 */
function informative(perRow: Map<string, string>[]) {
  const df = new Map<string, number>();
  for (const f of perRow) for (const k of f.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const limit = commonWordLimit(perRow.length);
  const surface = new Map<string, string>();
  const keys = perRow.map((f) => {
    const kept = [...f.keys()].filter((k) => df.get(k)! <= limit);
    for (const k of kept) if (!surface.has(k)) surface.set(k, f.get(k)!);
    return kept;
  });
  return { keys, form: (k: string) => surface.get(k) ?? k };
}

export function buildIndex(rows: IndexRow[]): SynergyIndex {
  const words = informative(rows.map((r) => r.forms ?? textWordForms(r.text ?? '')));
  const actors = informative(rows.map((r) => actorNames(r.externalActors ?? '')));
  const items: IndexedMeasure[] = rows.map((r, i) => {
    const { text: _text, forms: _forms, externalActors: _actors, ...rest } = r;
    return { ...rest, words: words.keys[i], actors: actors.keys[i] };
  });
  const departments = new Map<string, number>();
  const lead = Int32Array.from(items, (m) => {
    if (!m.leadDepartmentId) return -1;
    if (!departments.has(m.leadDepartmentId)) departments.set(m.leadDepartmentId, departments.size);
    return departments.get(m.leadDepartmentId)!;
  });
  const start = new Int32Array(items.length);
  const end = new Int32Array(items.length);
  const hasPeriod = new Uint8Array(items.length);
  items.forEach((m, i) => {
    const p = measurePeriod(m);
    if (p) [start[i], end[i], hasPeriod[i]] = [p[0], p[1], 1];
  });
  return {
    items,
    byId: new Map(items.map((m, i) => [m.id, i])),
    forms: { word: words.form, actor: actors.form },
    lead,
    departments,
    start,
    end,
    hasPeriod,
    // order matters: district, goal, action field, text, actor (see findPairs)
    cats: [
      category(items.map((m) => m.districtIds)), category(items.map((m) => m.goalIds)), category(items.map((m) => m.actionFieldIds)),
      category(items.map((m) => m.words)), category(items.map((m) => m.actors)),
    ],
  };
}

/** The pair's score and reasons, computed from the indexed measures (same words as the search used). */
export function scoreIndexed(ix: SynergyIndex, i: number, j: number): ScoredPair | null {
  return scorePair(ix.items[i], ix.items[j], ix.forms);
}

// Sorted results are packed into one float per pair: (100 − score) · 2^40 + i · 2^20 + j (exact below 2^53).
const HI = 2 ** 40;
const LO = 2 ** 20;
export const unpack = (key: number) => {
  const score = 100 - Math.floor(key / HI);
  const rest = key - (100 - score) * HI;
  return { score, i: Math.floor(rest / LO), j: rest % LO };
};

export interface FindOptions {
  /** only pairs where one measure is led by this department; undefined = all pairs of the municipality */
  departmentId?: string;
  minScore: number;
  /** item index → partner indexes never to return (dismissed or already related pairs) */
  exclude?: Map<number, Set<number>>;
}

/** All pairs scoring at least `minScore`, best first (then by index), packed (see `unpack`). */
export function findPairs(ix: SynergyIndex, opts: FindOptions): Float64Array {
  const n = ix.items.length;
  if (n >= LO) throw new Error('too many measures for the synergy index');
  let sources: number[];
  if (opts.departmentId === undefined) sources = ix.items.map((_, i) => i);
  else {
    const d = ix.departments.get(opts.departmentId);
    sources = d === undefined ? [] : ix.items.flatMap((_, i) => (ix.lead[i] === d ? [i] : []));
  }
  const all = opts.departmentId === undefined;
  const counters = ix.cats.map(() => new Uint16Array(n));
  const [cd, cg, cf, cw, ca] = counters;
  const [nd, ng, nf, nw] = ix.cats.map((cat) => Int32Array.from(cat.own, (o) => o.length));
  const seen = new Uint8Array(n);
  const touched = new Int32Array(n);
  let out = new Float64Array(1024);
  let len = 0;
  for (const i of sources) {
    let nt = 0;
    for (let k = 0; k < ix.cats.length; k++) {
      const cat = ix.cats[k];
      const counter = counters[k];
      for (const id of cat.own[i]) {
        const post = cat.post[id];
        for (let p = 0; p < post.length; p++) {
          const j = post[p];
          if (!seen[j]) {
            seen[j] = 1;
            touched[nt++] = j;
          }
          counter[j]++;
        }
      }
    }
    const excluded = opts.exclude?.get(i);
    for (let t = 0; t < nt; t++) {
      const j = touched[t];
      seen[j] = 0;
      // In the municipality-wide list every pair is seen from both sides: count it from the lower index.
      const skip = (all && j <= i) || ix.lead[i] === ix.lead[j] || excluded?.has(j);
      if (!skip) {
        const timeOverlap = ix.hasPeriod[i] === 1 && ix.hasPeriod[j] === 1 && ix.start[i] <= ix.end[j] && ix.start[j] <= ix.end[i];
        const s = score(cd[j], nd[i], nd[j], cg[j], ng[i], ng[j], cf[j], nf[i], nf[j], cw[j], nw[i], nw[j], ca[j], timeOverlap);
        if (s >= opts.minScore && s > 0) {
          if (len === out.length) {
            const grown = new Float64Array(out.length * 2);
            grown.set(out);
            out = grown;
          }
          const [a, b] = i < j ? [i, j] : [j, i];
          out[len++] = (100 - s) * HI + a * LO + b;
        }
      }
      cd[j] = cg[j] = cf[j] = cw[j] = ca[j] = 0;
    }
  }
  return out.slice(0, len).sort(); // a copy: the grown buffer may be twice as large
}
