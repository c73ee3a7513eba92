/**
 * The voting rules open the first time this device shows a round, then start folded (one tap away), so the
 * ballot is on the first screen. Remembered in localStorage by round id (the newest 50): a new round, with
 * perhaps other rules, opens them once again.
 */
const KEY = 'rf.join.rulesSeen';
const KEEP = 50;

function seenRounds(): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return []; // unreadable or blocked storage: show the rules, as on a first visit
  }
}

export const rulesSeen = (roundId: string) => seenRounds().includes(roundId);

export function markRulesSeen(roundId: string) {
  const list = [...seenRounds().filter((id) => id !== roundId), roundId].slice(-KEEP);
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // storage full or blocked: the rules simply open again next time
  }
}
