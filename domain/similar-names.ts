/**
 * How alike two names are, for proposing a match when an imported list writes a name differently from the
 * concept ("grün" → "Grüne Stadt", "Amt f. Stadtplanung" → "Stadtplanungsamt", "Merseburg Süd" → "Merseburg-Süd").
 * A proposal only: a person confirms it before anything is imported.
 */

/** Lower case, umlauts spelled out, ß → ss, accents and punctuation gone, single spaces. */
export function normalizeName(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words that say nothing about which item is meant. */
const STOP = new Set(['und', 'der', 'die', 'das', 'des', 'fuer', 'f', 'von', 'im', 'in', 'am', 'an', 'mit', 'zur', 'zum', 'the', 'of', 'and']);
const words = (n: string) => n.split(' ').filter((w) => w && !STOP.has(w));

function trigrams(s: string): Map<string, number> {
  const padded = `  ${s} `;
  const m = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const g = padded.slice(i, i + 3);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient of the letter trigrams: robust against typos and hyphenation. */
function dice(a: string, b: string): number {
  if (!a || !b) return 0;
  const ta = trigrams(a);
  const tb = trigrams(b);
  let common = 0;
  let total = 0;
  for (const [g, n] of ta) {
    common += Math.min(n, tb.get(g) ?? 0);
    total += n;
  }
  for (const n of tb.values()) total += n;
  return (2 * common) / total;
}

/**
 * Every word of the shorter name begins a word of the longer one ("gruen" → "gruene stadt"): an abbreviation or
 * a short form. Scored higher the more of the longer name it covers.
 */
function prefixScore(a: string[], b: string[]): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (!short.length || short.some((w) => w.length < 3)) return 0;
  const used = new Set<number>();
  for (const w of short) {
    const i = long.findIndex((x, k) => !used.has(k) && (x.startsWith(w) || w.startsWith(x)) && Math.min(x.length, w.length) >= 3);
    if (i < 0) return 0;
    used.add(i);
  }
  return 0.8 + 0.15 * (used.size / long.length);
}

/**
 * Every word of one name is part of the other one written together ("amt stadtplanung" in "stadtplanungsamt"),
 * and covers most of it: "bauamt" is a part of "tiefbauamt", but a different department, so it stays below.
 */
function containment(a: string[], b: string[]): number {
  const score = (ws: string[], other: string) => {
    if (!ws.length || ws.some((w) => w.length < 3 || !other.includes(w))) return 0;
    const covered = ws.join('').length / other.length;
    return covered >= 0.7 ? 0.7 + 0.2 * Math.min(covered, 1) : 0;
  };
  return Math.max(score(a, b.join('')), score(b, a.join('')));
}

/** 1 for the same name however written, about 0.8–0.95 for short forms and word order, less for mere look-alikes. */
export function nameSimilarity(a: string, b: string): number {
  const na = normalizeName(a);
  const nb = normalizeName(b);
  if (!na || !nb) return 0;
  if (na === nb) return 1;
  const wa = words(na);
  const wb = words(nb);
  if (wa.join('') === wb.join('') || na.replaceAll(' ', '') === nb.replaceAll(' ', '')) return 0.98;
  return Math.max(prefixScore(wa, wb), containment(wa, wb), dice(wa.join(''), wb.join('')));
}

export interface NameCandidate {
  id: string;
  /** the name shown, first; further spellings (a department's short name) after it */
  names: string[];
}

/** The lowest similarity that is still proposed as "probably the same". */
export const PROPOSE_AT = 0.7;

/** The closest candidates at or above `min`, best first (ties: the order given). */
export function closeMatches(value: string, candidates: NameCandidate[], min = PROPOSE_AT, limit = 3) {
  return candidates
    .map((c, order) => ({ id: c.id, name: c.names[0], score: Math.max(...c.names.filter(Boolean).map((n) => nameSimilarity(value, n)), 0), order }))
    .filter((c) => c.score >= min)
    .sort((x, y) => y.score - x.score || x.order - y.order)
    .slice(0, limit)
    .map(({ id, name, score }) => ({ id, name, score: Math.round(score * 100) / 100 }));
}
