/**
 * Dependencies between measures on the shared roadmap (finish-to-start): a measure that depends on
 * another may only start once that one has ended. Dates are calendar days (`YYYY-MM-DD`, compared as
 * strings) and inclusive, so starting on the very day the predecessor ends is allowed: hand-overs on
 * the same day are common in administrations and flagging them would only produce noise.
 */

export interface Span {
  id: string;
  start: string | null;
  end: string | null;
}

export interface Dependency {
  /** the measure that waits */
  measureId: string;
  /** the measure it waits for */
  dependsOnId: string;
}

export interface DatedMilestone {
  id: string;
  measureId: string;
  dueOn: string;
}

export type Violation =
  | { kind: 'starts_before_predecessor_ends'; measureId: string; dependsOnId: string; start: string; predecessorEnd: string }
  | { kind: 'milestone_outside_span'; measureId: string; milestoneId: string; dueOn: string; start: string | null; end: string | null };

/**
 * Every broken rule: a successor starting before its predecessor's end, and a milestone dated before
 * the measure's start or after its end. Missing dates cannot break anything (nothing to compare).
 */
export function findViolations(spans: Span[], dependencies: Dependency[], milestones: DatedMilestone[] = []): Violation[] {
  const byId = new Map(spans.map((s) => [s.id, s]));
  const out: Violation[] = [];
  for (const d of dependencies) {
    const m = byId.get(d.measureId);
    const p = byId.get(d.dependsOnId);
    if (m?.start && p?.end && m.start < p.end) {
      out.push({ kind: 'starts_before_predecessor_ends', measureId: d.measureId, dependsOnId: d.dependsOnId, start: m.start, predecessorEnd: p.end });
    }
  }
  for (const ms of milestones) {
    const m = byId.get(ms.measureId);
    if (!m) continue;
    if ((m.start && ms.dueOn < m.start) || (m.end && ms.dueOn > m.end)) {
      out.push({ kind: 'milestone_outside_span', measureId: ms.measureId, milestoneId: ms.id, dueOn: ms.dueOn, start: m.start, end: m.end });
    }
  }
  return out;
}

/**
 * The chain that adding `measureId → dependsOnId` would close, as measure ids from `measureId` back
 * to itself (e.g. [A, B, C, A] when B already waits for C and C for A), or null if it stays acyclic.
 * A measure depending on itself is the shortest cycle: [A, A].
 */
export function cycleIfAdded(existing: Dependency[], add: Dependency): string[] | null {
  if (add.measureId === add.dependsOnId) return [add.measureId, add.measureId];
  const next = new Map<string, string[]>();
  for (const d of existing) {
    const list = next.get(d.measureId);
    if (list) list.push(d.dependsOnId);
    else next.set(d.measureId, [d.dependsOnId]);
  }
  // Depth-first from the new predecessor along "depends on": reaching the new successor closes a loop.
  const parent = new Map<string, string>();
  const stack = [add.dependsOnId];
  const seen = new Set(stack);
  while (stack.length) {
    const cur = stack.pop()!;
    if (cur === add.measureId) {
      const path = [cur];
      let p = cur;
      while (p !== add.dependsOnId) {
        p = parent.get(p)!;
        path.push(p);
      }
      // path runs measureId … dependsOnId backwards; the full loop is measureId → dependsOnId → … → measureId
      return [add.measureId, ...path.slice(1).reverse(), add.measureId];
    }
    for (const n of next.get(cur) ?? []) {
      if (seen.has(n)) continue;
      seen.add(n);
      parent.set(n, cur);
      stack.push(n);
    }
  }
  return null;
}

/** Any cycle in a set of dependencies (for checking data that did not come through the API), or null. */
export function findCycle(dependencies: Dependency[]): string[] | null {
  const acc: Dependency[] = [];
  for (const d of dependencies) {
    const c = cycleIfAdded(acc, d);
    if (c) return c;
    acc.push(d);
  }
  return null;
}
