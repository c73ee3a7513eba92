/**
 * Dot voting rules (pure: no I/O, no imports).
 *
 * A facilitator sets the rules of a round; participants place and take back dots while the round is
 * open. The server checks every placement with `checkPlacement` (inside the transaction that holds the
 * participant's row lock) and every removal with `checkRemoval`; refused dots are answered with a stable
 * reason code and a German message, never dropped silently. `describeRules` states the rules in plain
 * words for the participant's phone, the projector and the protocol.
 */

/**
 * Items one round may hold: more make a ballot nobody can read on a phone. A bigger list is narrowed
 * with the measure list's filters before it is voted on.
 */
export const MAX_ROUND_ITEMS = 200;

/** Same values as `Locale` in ./format (declared here to keep this module import-free). */
export type VotingLocale = 'de' | 'en';

export interface VotingRules {
  /** Dots each participant may place, 1..50. */
  dotsPerParticipant: number;
  /** May one participant put several dots on the same item? */
  allowCumulation: boolean;
  /** Dots one participant may put on one item: 1..dotsPerParticipant; must be 1 without cumulation. */
  maxDotsPerItem: number;
  /** Anonymous: nobody sees who placed which dot. Named: dots are shown with the participant's name. */
  anonymous: boolean;
  /** 'live': the tally is visible while the round is open; 'after_close': only once it is closed. */
  resultsVisibility: 'live' | 'after_close';
  /** Optional timer, 10..7200 seconds; null = the facilitator closes the round by hand. */
  timerSeconds: number | null;
  /** Size of the Top N result list, >= 1. */
  topN: number;
}

export const DOTS_PER_PARTICIPANT_MAX = 50;
export const TIMER_MIN_SECONDS = 10;
export const TIMER_MAX_SECONDS = 7200;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Checks the rules a facilitator entered. Returns German messages, one per problem; [] = valid. */
export function validateRules(r: VotingRules): string[] {
  const errors: string[] = [];
  const dotsValid = isInt(r.dotsPerParticipant) && r.dotsPerParticipant >= 1 && r.dotsPerParticipant <= DOTS_PER_PARTICIPANT_MAX;
  if (!dotsValid) {
    errors.push(`Die Anzahl der Punkte pro Person muss eine ganze Zahl zwischen 1 und ${DOTS_PER_PARTICIPANT_MAX} sein.`);
  }
  if (!isInt(r.maxDotsPerItem) || r.maxDotsPerItem < 1 || (dotsValid && r.maxDotsPerItem > r.dotsPerParticipant)) {
    errors.push(
      dotsValid
        ? `Die Höchstzahl der Punkte pro Eintrag muss eine ganze Zahl zwischen 1 und ${r.dotsPerParticipant} (Punkte pro Person) sein.`
        : 'Die Höchstzahl der Punkte pro Eintrag muss eine ganze Zahl ab 1 sein und darf die Punkte pro Person nicht übersteigen.',
    );
  } else if (!r.allowCumulation && r.maxDotsPerItem !== 1) {
    errors.push('Wenn nicht mehrere Punkte auf denselben Eintrag dürfen, muss die Höchstzahl pro Eintrag 1 sein.');
  }
  if (r.resultsVisibility !== 'live' && r.resultsVisibility !== 'after_close') {
    errors.push('Die Sichtbarkeit des Ergebnisses muss „live“ oder „nach dem Schließen der Runde“ sein.');
  }
  if (r.timerSeconds !== null && (!isInt(r.timerSeconds) || r.timerSeconds < TIMER_MIN_SECONDS || r.timerSeconds > TIMER_MAX_SECONDS)) {
    errors.push(
      `Der Timer muss zwischen ${TIMER_MIN_SECONDS} Sekunden und 2 Stunden (${TIMER_MAX_SECONDS} Sekunden) liegen oder ausgeschaltet sein.`,
    );
  }
  if (!isInt(r.topN) || r.topN < 1) {
    errors.push('Die Länge der Ergebnisliste (Top N) muss eine ganze Zahl ab 1 sein.');
  }
  return errors;
}

/** Dots one participant may put on one item under these rules (1 without cumulation). */
export function maxDotsOnOneItem(r: VotingRules): number {
  return r.allowCumulation ? Math.max(1, Math.min(r.maxDotsPerItem, r.dotsPerParticipant)) : 1;
}

export type PlacementRefusal = {
  code: 'round_closed' | 'no_dots_left' | 'item_max_reached' | 'unknown_item';
  message: string;
};
export type RemovalRefusal = { code: 'round_closed' | 'no_dot_on_item'; message: string };

/**
 * Can this participant place one more dot on this item? `placedTotal` = the participant's dots in this
 * round, `placedOnItem` = their dots on this item (both before the new dot). Returns null if yes, else a
 * stable reason code and a German message. Checked in this order: round closed, unknown item, no dots
 * left, per-item maximum reached.
 */
export function checkPlacement(
  rules: VotingRules,
  state: { placedTotal: number; placedOnItem: number; roundOpen: boolean; itemExists: boolean },
): null | PlacementRefusal {
  if (!state.roundOpen) {
    return { code: 'round_closed', message: 'Die Runde ist geschlossen – es können keine Punkte mehr geklebt werden.' };
  }
  if (!state.itemExists) {
    return { code: 'unknown_item', message: 'Diesen Eintrag gibt es in dieser Runde nicht.' };
  }
  if (state.placedTotal >= rules.dotsPerParticipant) {
    const n = rules.dotsPerParticipant;
    return {
      code: 'no_dots_left',
      message: `Sie haben ${n === 1 ? 'Ihren Punkt' : `alle ${n} Punkte`} schon geklebt. Nehmen Sie einen Punkt zurück, um ihn woanders zu kleben.`,
    };
  }
  const max = maxDotsOnOneItem(rules);
  if (state.placedOnItem >= max) {
    return {
      code: 'item_max_reached',
      message:
        max === 1
          ? 'Auf diesem Eintrag haben Sie schon einen Punkt. Pro Eintrag ist nur 1 Punkt erlaubt.'
          : `Auf diesem Eintrag haben Sie schon ${state.placedOnItem} Punkte. Pro Eintrag sind höchstens ${max} Punkte erlaubt.`,
    };
  }
  return null;
}

/** Can this participant take one of their dots back from this item? Null if yes, else code + German message. */
export function checkRemoval(state: { placedOnItem: number; roundOpen: boolean }): null | RemovalRefusal {
  if (!state.roundOpen) {
    return { code: 'round_closed', message: 'Die Runde ist geschlossen – Punkte können nicht mehr zurückgenommen werden.' };
  }
  if (state.placedOnItem <= 0) {
    return { code: 'no_dot_on_item', message: 'Sie haben auf diesem Eintrag keinen Punkt, den Sie zurücknehmen könnten.' };
  }
  return null;
}

const WORDS = {
  de: {
    dot: ['Punkt', 'Punkte'],
    hour: ['Stunde', 'Stunden'],
    minute: ['Minute', 'Minuten'],
    second: ['Sekunde', 'Sekunden'],
    and: 'und',
  },
  en: {
    dot: ['dot', 'dots'],
    hour: ['hour', 'hours'],
    minute: ['minute', 'minutes'],
    second: ['second', 'seconds'],
    and: 'and',
  },
} as const;

function count(n: number, forms: readonly [string, string]): string {
  return `${n} ${n === 1 ? forms[0] : forms[1]}`;
}

/** 300 → "5 Minuten", 90 → "1 Minute und 30 Sekunden", 3661 → "1 Stunde, 1 Minute und 1 Sekunde". */
export function formatDuration(seconds: number, locale: VotingLocale): string {
  const w = WORDS[locale];
  const s = Math.max(0, Math.round(seconds));
  const parts: string[] = [];
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h) parts.push(count(h, w.hour));
  if (m) parts.push(count(m, w.minute));
  if (sec || parts.length === 0) parts.push(count(sec, w.second));
  if (parts.length === 1) return parts[0];
  return `${parts.slice(0, -1).join(', ')} ${w.and} ${parts[parts.length - 1]}`;
}

/**
 * The rules in plain words, one sentence per element, in this order: dots, dots per item, taking back,
 * anonymity, visibility of results, end of the round, the Top N. Example (de): "Sie haben 3 Punkte.",
 * "Sie können bis zu 2 Punkte auf denselben Eintrag kleben.", …, "Die Runde endet nach 5 Minuten.", …
 */
export function describeRules(r: VotingRules, locale: VotingLocale): string[] {
  const dots = r.dotsPerParticipant;
  const max = maxDotsOnOneItem(r);
  const w = WORDS[locale];
  const out: string[] = [];
  if (locale === 'de') {
    out.push(`Sie haben ${count(dots, w.dot)}.`);
    if (dots > 1) {
      if (max === 1) out.push('Sie können auf jeden Eintrag höchstens 1 Punkt kleben.');
      else if (max >= dots) out.push(`Sie können auch alle ${dots} Punkte auf denselben Eintrag kleben.`);
      else out.push(`Sie können bis zu ${max} Punkte auf denselben Eintrag kleben.`);
    }
    out.push('Solange die Runde offen ist, können Sie Punkte zurücknehmen und neu kleben.');
    out.push(r.anonymous ? 'Die Abstimmung ist anonym.' : 'Die Abstimmung ist namentlich: Es ist sichtbar, wer welche Punkte geklebt hat.');
    out.push(
      r.resultsVisibility === 'live'
        ? 'Das Ergebnis ist schon während der Runde live zu sehen.'
        : 'Das Ergebnis wird erst nach dem Schließen der Runde gezeigt.',
    );
    out.push(r.timerSeconds === null ? 'Die Moderation schließt die Runde.' : `Die Runde endet nach ${formatDuration(r.timerSeconds, 'de')}.`);
    out.push(
      r.topN === 1
        ? 'Der Eintrag mit den meisten Punkten kommt auf Platz 1.'
        : `Die ${r.topN} Einträge mit den meisten Punkten bilden die Top ${r.topN}.`,
    );
    out.push('Ein Gleichstand an der Grenze wird angezeigt und durch eine Stichwahl oder eine begründete Entscheidung der Moderation aufgelöst.');
  } else {
    out.push(`You have ${count(dots, w.dot)}.`);
    if (dots > 1) {
      if (max === 1) out.push('You can put at most 1 dot on each item.');
      else if (max >= dots) out.push(`You can even put all ${dots} dots on the same item.`);
      else out.push(`You can put up to ${max} dots on the same item.`);
    }
    out.push('While the round is open, you can take dots back and place them again.');
    out.push(r.anonymous ? 'Voting is anonymous.' : 'Voting is named: everyone can see who placed which dots.');
    out.push(
      r.resultsVisibility === 'live'
        ? 'Results are shown live while the round is open.'
        : 'Results are shown only after the round has closed.',
    );
    out.push(r.timerSeconds === null ? 'The facilitator closes the round.' : `The round ends after ${formatDuration(r.timerSeconds, 'en')}.`);
    out.push(
      r.topN === 1
        ? 'The item with the most dots takes first place.'
        : `The ${r.topN} items with the most dots form the Top ${r.topN}.`,
    );
    out.push('A tie at the cut is shown and settled by a run-off or by a decision of the facilitator, with a reason.');
  }
  return out;
}

/** "Noch 2 von 3 Punkten" / "2 of 3 dots left"; at 0: "Keine Punkte mehr übrig (3 von 3 geklebt)". */
export function remainingText(remaining: number, total: number, locale: VotingLocale): string {
  if (locale === 'de') {
    if (remaining <= 0) return `Keine Punkte mehr übrig (${total} von ${total} geklebt)`;
    return `Noch ${remaining} von ${total} ${total === 1 ? 'Punkt' : 'Punkten'}`;
  }
  if (remaining <= 0) return `No dots left (${total} of ${total} placed)`;
  return `${remaining} of ${total} ${total === 1 ? 'dot' : 'dots'} left`;
}
