/**
 * Results of a dot voting round (pure: no I/O; imports only the shared rank format).
 *
 * Documented rules:
 * - Ranking is competition ranking ("1224"): items are ordered by dots, descending; items with equal
 *   dots share a rank, shown "2 (gleichauf)" when shared (formatRank); the next rank skips accordingly.
 * - Secondary key (optional, `useSupporters`): the number of distinct supporters (participants with at
 *   least one dot on the item), descending, breaks dot ties first. Items equal on both keys still share.
 * - Label (German collation) is only the display order inside a shared rank; it never decides a rank.
 * - Top N: every item with at least one dot whose rank is <= N — unless the items sharing the rank at
 *   the cut would push the list past N. Then the tie is flagged (`cutTie`: which items, how many seats)
 *   and people decide: a run-off among the candidates or a facilitator's decision with a reason
 *   (`resolveCut`). Nothing is decided by chance or by alphabet.
 * - Items with 0 dots never enter the Top N.
 */

import { formatRank } from './format';

export interface Tally {
  itemId: string;
  label: string;
  dots: number;
  /** Distinct participants with >= 1 dot on the item. */
  supporters: number;
}

export interface RankedItem extends Tally {
  /** Competition rank, 1-based. */
  rank: number;
  /** "3", or "2 (gleichauf)" when the rank is shared (German; `formatRank` with `tied` for other languages). */
  rankLabel: string;
  /** True when another item shares this rank. */
  tied: boolean;
  /** dots / all dots of the round, 0..1 (0 when nobody voted). */
  share: number;
  /** True when the next item in the list shares this item's rank. */
  tiedWithNext?: boolean;
}

/** A tie across the Top-N cut: these candidates (all of one rank) compete for `seatsLeft` seats. */
export interface CutTie {
  rank: number;
  candidates: RankedItem[];
  seatsLeft: number;
}

export interface TopN {
  /** The N asked for. */
  n: number;
  /**
   * The Top N as it stands, in rank order: `selected`, followed by the `cutTie` candidates when there is
   * a tie at the cut (then longer than n, and the cut line lies among the candidates). Without a cut
   * tie this is the clear Top N — exactly n items, or fewer when fewer than n items have dots.
   */
  items: RankedItem[];
  /** Null, or the tie at the cut that people must settle (run-off or facilitator decision). */
  cutTie: null | CutTie;
  /** Items certainly in the Top N (above the cut), in rank order; at most n. */
  selected: RankedItem[];
}

export interface ResolvedTopN extends TopN {
  /**
   * Candidates that got a seat through a resolution, in the order decided (run-off rank, or the
   * order of the facilitator's `chosenIds`); accumulated over successive resolutions. They keep their
   * rank from the main round (e.g. "5 (gleichauf)"). Also contained in `selected`.
   */
  decided: RankedItem[];
  /** The ranked run-off tally when this resolution was a run-off, else null. */
  runoff: RankedItem[] | null;
}

export type CutResolution =
  | { kind: 'runoff'; tallies: Tally[]; useSupporters?: boolean }
  | { kind: 'decision'; chosenIds: string[]; reason: string };

const collator = new Intl.Collator('de');

function checkTallies(tallies: Tally[]): void {
  const seen = new Set<string>();
  for (const t of tallies) {
    if (seen.has(t.itemId)) throw new Error(`Der Eintrag „${t.label}“ (${t.itemId}) kommt in der Auszählung doppelt vor.`);
    seen.add(t.itemId);
    if (!Number.isInteger(t.dots) || t.dots < 0 || !Number.isInteger(t.supporters) || t.supporters < 0) {
      throw new Error(`Punkte und Unterstützende von „${t.label}“ müssen ganze Zahlen ab 0 sein.`);
    }
    if (t.supporters > t.dots || (t.dots > 0) !== (t.supporters > 0)) {
      throw new Error(
        `„${t.label}“: ${t.supporters} Unterstützende passen nicht zu ${t.dots} Punkten (jede unterstützende Person hat mindestens einen Punkt).`,
      );
    }
  }
}

/**
 * Counts dots per item from the individual dots (one entry per dot). Every item of the round appears,
 * with 0 dots if nobody chose it. A dot on an item that is not in `items` is an error, never dropped.
 */
export function tally(items: { itemId: string; label: string }[], dots: { participantId: string; itemId: string }[]): Tally[] {
  const byId = new Map<string, { t: Tally; people: Set<string> }>();
  for (const it of items) {
    if (byId.has(it.itemId)) throw new Error(`Der Eintrag „${it.label}“ (${it.itemId}) ist doppelt angelegt.`);
    byId.set(it.itemId, { t: { itemId: it.itemId, label: it.label, dots: 0, supporters: 0 }, people: new Set() });
  }
  for (const d of dots) {
    const entry = byId.get(d.itemId);
    if (!entry) throw new Error(`Ein Punkt liegt auf dem unbekannten Eintrag ${d.itemId}.`);
    entry.t.dots += 1;
    entry.people.add(d.participantId);
  }
  return [...byId.values()].map(({ t, people }) => ({ ...t, supporters: people.size }));
}

/**
 * Competition ranking ("1224"): sort by dots desc; equal dots share a rank, shown "2 (gleichauf)" in rankLabel
 * when shared. When `useSupporters`, the number of distinct supporters (desc) breaks dot ties first;
 * items equal on both still share. Label asc is only the display order within a shared rank.
 * Zero-dot items are ranked too (they share the last rank). Throws (German) on duplicate ids or
 * impossible counts.
 */
export function rank(tallies: Tally[], opts: { useSupporters: boolean }): RankedItem[] {
  checkTallies(tallies);
  const total = tallies.reduce((sum, t) => sum + t.dots, 0);
  const key = (a: Tally, b: Tally) => b.dots - a.dots || (opts.useSupporters ? b.supporters - a.supporters : 0);
  const sorted = [...tallies].sort(
    (a, b) => key(a, b) || collator.compare(a.label, b.label) || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0),
  );
  const ranks: number[] = [];
  sorted.forEach((t, i) => {
    ranks.push(i > 0 && key(sorted[i - 1], t) === 0 ? ranks[i - 1] : i + 1);
  });
  return sorted.map((t, i) => {
    const shared = ranks[i - 1] === ranks[i] || ranks[i + 1] === ranks[i];
    return {
      ...t,
      rank: ranks[i],
      rankLabel: formatRank(ranks[i], shared),
      tied: shared,
      share: total > 0 ? t.dots / total : 0,
      tiedWithNext: ranks[i + 1] === ranks[i],
    };
  });
}

/** Groups consecutive items of equal rank (input in rank order). */
function groups(ranked: RankedItem[]): RankedItem[][] {
  const out: RankedItem[][] = [];
  for (const item of ranked) {
    const last = out[out.length - 1];
    if (last && last[0].rank === item.rank) last.push(item);
    else out.push([item]);
  }
  return out;
}

/** Fills `seats` with whole rank groups; a group that does not fit entirely becomes the cut tie. */
function cut(ranked: RankedItem[], seats: number): { selected: RankedItem[]; tie: RankedItem[] | null; seatsLeft: number } {
  const selected: RankedItem[] = [];
  for (const g of groups(ranked)) {
    const left = seats - selected.length;
    if (left <= 0) break;
    if (g.length <= left) selected.push(...g);
    else return { selected, tie: g, seatsLeft: left };
  }
  return { selected, tie: null, seatsLeft: 0 };
}

function checkN(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new Error('Die Länge der Ergebnisliste (Top N) muss eine ganze Zahl ab 1 sein.');
}

/**
 * The Top N of a ranking (from `rank`): all items with rank <= N unless the items sharing the rank at
 * the cut would exceed N — then `cutTie` names them and the seats left, and the decision (run-off or
 * facilitator decision) is left to people. Items with 0 dots never enter the Top N.
 */
export function topN(ranked: RankedItem[], n: number): TopN {
  checkN(n);
  const eligible = ranked.filter((r) => r.dots > 0).sort((a, b) => a.rank - b.rank); // stable: keeps display order
  const { selected, tie, seatsLeft } = cut(eligible, n);
  return {
    n,
    items: tie ? [...selected, ...tie] : selected,
    cutTie: tie ? { rank: tie[0].rank, candidates: tie, seatsLeft } : null,
    selected,
  };
}

/**
 * Applies a resolution of a cut tie and returns the new state of the Top N:
 * - run-off: `tallies` among the candidates (a candidate missing from them counts 0 dots; a tally for a
 *   non-candidate is an error). The run-off is ranked like the main round and its best fill the seats
 *   left; if the run-off ties across the cut again, the result carries a new `cutTie` (with the main
 *   round's rank) that can be resolved by calling `resolveCut` again. 0 run-off dots do not exclude a
 *   candidate: they already qualified in the main round.
 * - decision: the facilitator chooses exactly `seatsLeft` distinct candidates and gives a reason.
 * Throws an Error with a German message when there is no cut tie, or the decision chooses the wrong
 * number of items, a non-candidate or an item twice, or has an empty reason.
 */
export function resolveCut(top: TopN & { decided?: RankedItem[] }, resolution: CutResolution): ResolvedTopN {
  const tie = top.cutTie;
  if (!tie) throw new Error('Es gibt keinen Gleichstand an der Grenze der Top-Liste, der aufzulösen wäre.');
  const byId = new Map(tie.candidates.map((c) => [c.itemId, c]));
  const before = top.decided ?? [];

  if (resolution.kind === 'decision') {
    const reason = resolution.reason.trim();
    if (!reason) throw new Error('Bitte begründen Sie die Entscheidung.');
    const ids = resolution.chosenIds;
    if (ids.length !== tie.seatsLeft) {
      throw new Error(
        `Es ${tie.seatsLeft === 1 ? 'ist 1 Platz' : `sind ${tie.seatsLeft} Plätze`} zu vergeben – bitte genau ${tie.seatsLeft} ${tie.seatsLeft === 1 ? 'Eintrag' : 'Einträge'} wählen, nicht ${ids.length}.`,
      );
    }
    if (new Set(ids).size !== ids.length) throw new Error('Ein Eintrag wurde mehrfach gewählt.');
    const chosen = ids.map((id) => {
      const c = byId.get(id);
      if (!c) throw new Error(`Der Eintrag ${id} gehört nicht zu den gleichauf liegenden Einträgen an der Grenze.`);
      return c;
    });
    const selected = [...top.selected, ...chosen];
    return { n: top.n, items: selected, cutTie: null, selected, decided: [...before, ...chosen], runoff: null };
  }

  for (const t of resolution.tallies) {
    if (!byId.has(t.itemId)) throw new Error(`„${t.label}“ (${t.itemId}) steht nicht zur Stichwahl.`);
  }
  const given = new Map(resolution.tallies.map((t) => [t.itemId, t]));
  const runoffTallies = tie.candidates.map(
    (c) => given.get(c.itemId) ?? { itemId: c.itemId, label: c.label, dots: 0, supporters: 0 },
  );
  const runoff = rank(runoffTallies, { useSupporters: resolution.useSupporters ?? false });
  const result = cut(runoff, tie.seatsLeft);
  const original = (r: RankedItem) => byId.get(r.itemId) as RankedItem;
  const won = result.selected.map(original);
  const selected = [...top.selected, ...won];
  const again = result.tie ? result.tie.map(original) : null;
  return {
    n: top.n,
    items: again ? [...selected, ...again] : selected,
    cutTie: again ? { rank: tie.rank, candidates: again, seatsLeft: result.seatsLeft } : null,
    selected,
    decided: [...before, ...won],
    runoff,
  };
}
