import { describeRules, formatDuration, maxDotsOnOneItem, type VotingRules } from '../../../domain/voting';
import type { Locale } from '../../../domain/format';

export const DEFAULT_RULES: VotingRules = {
  dotsPerParticipant: 3,
  allowCumulation: false,
  maxDotsPerItem: 1,
  anonymous: true,
  resultsVisibility: 'live',
  timerSeconds: null,
  topN: 5,
};

/** The rules in plain words, one sentence each (same text the participants' phones show). */
export const rulesSentences = (r: VotingRules, locale: Locale) => describeRules(r, locale);

/** The rules in one line for the projector and the round list: "3 Punkte pro Person · max. 1 pro Eintrag · anonym · …". */
export function rulesLine(r: VotingRules, locale: Locale): string {
  const max = maxDotsOnOneItem(r);
  const de = locale === 'de';
  const parts = [
    de ? `${r.dotsPerParticipant} ${r.dotsPerParticipant === 1 ? 'Punkt' : 'Punkte'} pro Person` : `${r.dotsPerParticipant} ${r.dotsPerParticipant === 1 ? 'dot' : 'dots'} per person`,
    de ? `höchstens ${max} pro Eintrag` : `at most ${max} per item`,
    r.anonymous ? (de ? 'anonym' : 'anonymous') : de ? 'namentlich' : 'named',
    r.resultsVisibility === 'live' ? (de ? 'Ergebnis live' : 'results live') : de ? 'Ergebnis nach dem Schließen' : 'results after closing',
    `Top ${r.topN}`,
  ];
  if (r.timerSeconds) parts.push(de ? `Timer ${formatDuration(r.timerSeconds, 'de')}` : `timer ${formatDuration(r.timerSeconds, 'en')}`);
  return parts.join(' · ');
}

/** Seconds left until `closesAt` (never negative), or null without a timer. */
export function secondsLeft(closesAt: string | null, now: number): number | null {
  if (!closesAt) return null;
  return Math.max(0, Math.round((Date.parse(closesAt) - now) / 1000));
}

/** 125 → "2:05" */
export const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/** 0.4567 → "45,7 %" */
export function percent(share: number, locale: Locale) {
  return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 })
    .format(share)
    .replace(/\u00a0/g, ' ');
}

/**
 * May the tally be shown on a shared screen? Facilitators' snapshots are always `visible`, so the
 * rule "results only after closing" is applied here as well (projector, round list).
 */
export const showTally = (rules: VotingRules, r: { visible: boolean; status: string }) =>
  r.visible && (rules.resultsVisibility === 'live' || r.status === 'closed');
