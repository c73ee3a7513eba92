import type { RoundResults } from '../../../contract/workshops';

/**
 * Index of the row after which the Top-N cut line is drawn: the last item certainly in the Top N.
 * With an unsettled tie at the cut, the tied items follow the line (marked, with a note how many
 * seats are left). -1 = no line.
 */
export function cutIndex(r: RoundResults): number {
  const inside = new Set(r.selectedItemIds);
  let last = -1;
  orderedRows(r).forEach((row, i) => {
    if (inside.has(row.itemId)) last = i;
  });
  return last;
}

/** Rows by rank; inside a shared rank, items placed in the Top N (by run-off or decision) come first. */
export function orderedRows(r: RoundResults) {
  const inside = new Set(r.selectedItemIds);
  return r.rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => a.row.rank - b.row.rank || Number(inside.has(b.row.itemId)) - Number(inside.has(a.row.itemId)) || a.i - b.i)
    .map((x) => x.row);
}
