import { describe, expect, it } from 'vitest';
import {
  checkPlacement,
  checkRemoval,
  describeRules,
  formatDuration,
  maxDotsOnOneItem,
  remainingText,
  validateRules,
  type VotingRules,
} from './voting';

const base: VotingRules = {
  dotsPerParticipant: 3,
  allowCumulation: false,
  maxDotsPerItem: 1,
  anonymous: true,
  resultsVisibility: 'live',
  timerSeconds: null,
  topN: 5,
};
const cumul2: VotingRules = { ...base, allowCumulation: true, maxDotsPerItem: 2, resultsVisibility: 'after_close', timerSeconds: 300 };
const open = { placedTotal: 0, placedOnItem: 0, roundOpen: true, itemExists: true };

describe('validateRules', () => {
  it('accepts the Partheland rules and a cumulation round', () => {
    expect(validateRules(base)).toEqual([]);
    expect(validateRules(cumul2)).toEqual([]);
    expect(validateRules({ ...base, dotsPerParticipant: 50, allowCumulation: true, maxDotsPerItem: 50, timerSeconds: 7200, topN: 1 })).toEqual([]);
    expect(validateRules({ ...base, dotsPerParticipant: 1, timerSeconds: 10 })).toEqual([]);
  });

  it.each([
    ['0 dots', { dotsPerParticipant: 0 }, /Punkte pro Person.*1 und 50/],
    ['51 dots', { dotsPerParticipant: 51 }, /1 und 50/],
    ['2.5 dots', { dotsPerParticipant: 2.5 }, /ganze Zahl/],
    ['max 0', { allowCumulation: true, maxDotsPerItem: 0 }, /Höchstzahl.*zwischen 1 und 3/],
    ['max above dots', { allowCumulation: true, maxDotsPerItem: 4 }, /Höchstzahl.*zwischen 1 und 3/],
    ['max 2 without cumulation', { maxDotsPerItem: 2 }, /Höchstzahl pro Eintrag 1 sein/],
    ['topN 0', { topN: 0 }, /Top N/],
    ['timer 9 s', { timerSeconds: 9 }, /Timer/],
    ['timer 7201 s', { timerSeconds: 7201 }, /Timer/],
  ])('rejects %s with a German message', (_name, patch, pattern) => {
    const errors = validateRules({ ...base, ...patch } as VotingRules);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(pattern);
  });

  it('reports every problem at once', () => {
    expect(validateRules({ ...base, dotsPerParticipant: 0, maxDotsPerItem: 0, topN: 0, timerSeconds: 1 })).toHaveLength(4);
  });
});

describe('checkPlacement', () => {
  it('without cumulation allows at most 1 dot per item', () => {
    expect(maxDotsOnOneItem(base)).toBe(1);
    expect(checkPlacement(base, open)).toBeNull();
    expect(checkPlacement(base, { ...open, placedTotal: 1, placedOnItem: 1 })).toMatchObject({ code: 'item_max_reached' });
    expect(checkPlacement(base, { ...open, placedTotal: 1, placedOnItem: 1 })?.message).toContain('nur 1 Punkt');
    // a dot on another item is fine
    expect(checkPlacement(base, { ...open, placedTotal: 2, placedOnItem: 0 })).toBeNull();
  });

  it('ignores a maximum above 1 when cumulation is off', () => {
    expect(checkPlacement({ ...base, maxDotsPerItem: 3 }, { ...open, placedTotal: 1, placedOnItem: 1 })?.code).toBe('item_max_reached');
  });

  it('with cumulation allows up to the maximum (2) on one item', () => {
    expect(maxDotsOnOneItem(cumul2)).toBe(2);
    expect(checkPlacement(cumul2, { ...open, placedTotal: 1, placedOnItem: 1 })).toBeNull();
    const refusal = checkPlacement(cumul2, { ...open, placedTotal: 2, placedOnItem: 2 });
    expect(refusal?.code).toBe('item_max_reached');
    expect(refusal?.message).toContain('höchstens 2 Punkte');
    expect(checkPlacement(cumul2, { ...open, placedTotal: 2, placedOnItem: 0 })).toBeNull();
  });

  it('refuses when no dots are left', () => {
    const refusal = checkPlacement(base, { ...open, placedTotal: 3, placedOnItem: 0 });
    expect(refusal?.code).toBe('no_dots_left');
    expect(refusal?.message).toContain('alle 3 Punkte');
    expect(checkPlacement({ ...base, dotsPerParticipant: 1 }, { ...open, placedTotal: 1 })?.message).toContain('Ihren Punkt');
    // budget is checked before the per-item maximum
    expect(checkPlacement(cumul2, { ...open, placedTotal: 3, placedOnItem: 2 })?.code).toBe('no_dots_left');
  });

  it('refuses in a closed round first, then for an unknown item', () => {
    expect(checkPlacement(base, { ...open, roundOpen: false })).toMatchObject({ code: 'round_closed', message: expect.stringContaining('geschlossen') });
    expect(checkPlacement(base, { ...open, roundOpen: false, itemExists: false, placedTotal: 3 })?.code).toBe('round_closed');
    expect(checkPlacement(base, { ...open, itemExists: false, placedTotal: 3 })?.code).toBe('unknown_item');
  });
});

describe('checkRemoval', () => {
  it('allows taking back an own dot while the round is open', () => {
    expect(checkRemoval({ placedOnItem: 1, roundOpen: true })).toBeNull();
    expect(checkRemoval({ placedOnItem: 2, roundOpen: true })).toBeNull();
  });
  it('refuses without a dot on the item, and in a closed round', () => {
    expect(checkRemoval({ placedOnItem: 0, roundOpen: true })).toMatchObject({ code: 'no_dot_on_item', message: expect.stringContaining('keinen Punkt') });
    expect(checkRemoval({ placedOnItem: 1, roundOpen: false })?.code).toBe('round_closed');
    expect(checkRemoval({ placedOnItem: 0, roundOpen: false })?.code).toBe('round_closed');
  });
});

describe('describeRules', () => {
  it('states the example rules in plain German', () => {
    const text = describeRules(cumul2, 'de');
    expect(text).toEqual(
      expect.arrayContaining([
        'Sie haben 3 Punkte.',
        'Sie können bis zu 2 Punkte auf denselben Eintrag kleben.',
        'Die Abstimmung ist anonym.',
        'Das Ergebnis wird erst nach dem Schließen der Runde gezeigt.',
        'Die Runde endet nach 5 Minuten.',
        'Die 5 Einträge mit den meisten Punkten bilden die Top 5.',
      ]),
    );
    const joined = text.join(' ');
    expect(joined.indexOf('Sie haben 3 Punkte.')).toBeLessThan(joined.indexOf('Die Runde endet'));
  });

  it('states the same rules in English with the numbers', () => {
    expect(describeRules(cumul2, 'en')).toEqual(
      expect.arrayContaining([
        'You have 3 dots.',
        'You can put up to 2 dots on the same item.',
        'Voting is anonymous.',
        'Results are shown only after the round has closed.',
        'The round ends after 5 minutes.',
        'The 5 items with the most dots form the Top 5.',
      ]),
    );
  });

  it('describes the Partheland round (no cumulation, named, live, no timer) in both languages', () => {
    const rules: VotingRules = { ...base, anonymous: false };
    const de = describeRules(rules, 'de').join(' ');
    expect(de).toContain('Sie haben 3 Punkte.');
    expect(de).toContain('höchstens 1 Punkt');
    expect(de).toContain('namentlich');
    expect(de).toContain('live');
    expect(de).toContain('Die Moderation schließt die Runde.');
    expect(de).toContain('Top 5');
    const en = describeRules(rules, 'en').join(' ');
    expect(en).toContain('You have 3 dots.');
    expect(en).toContain('at most 1 dot on each item');
    expect(en).toContain('named');
    expect(en).toContain('live');
    expect(en).toContain('The facilitator closes the round.');
    expect(en).toContain('Top 5');
  });

  it('handles singular, "all dots on one item" and odd timers', () => {
    const one = describeRules({ ...base, dotsPerParticipant: 1, topN: 1, timerSeconds: 90 }, 'de');
    expect(one).toContain('Sie haben 1 Punkt.');
    expect(one).toContain('Die Runde endet nach 1 Minute und 30 Sekunden.');
    expect(one.join(' ')).not.toContain('denselben Eintrag');
    expect(describeRules({ ...cumul2, maxDotsPerItem: 3 }, 'de')).toContain('Sie können auch alle 3 Punkte auf denselben Eintrag kleben.');
    expect(describeRules({ ...base, dotsPerParticipant: 1, timerSeconds: 3661 }, 'en')).toContain(
      'The round ends after 1 hour, 1 minute and 1 second.',
    );
    expect(formatDuration(7200, 'de')).toBe('2 Stunden');
    expect(formatDuration(45, 'en')).toBe('45 seconds');
  });
});

describe('remainingText', () => {
  it.each([
    [2, 3, 'de', 'Noch 2 von 3 Punkten'],
    [3, 3, 'de', 'Noch 3 von 3 Punkten'],
    [1, 1, 'de', 'Noch 1 von 1 Punkt'],
    [0, 3, 'de', 'Keine Punkte mehr übrig (3 von 3 geklebt)'],
    [2, 3, 'en', '2 of 3 dots left'],
    [1, 1, 'en', '1 of 1 dot left'],
    [0, 3, 'en', 'No dots left (3 of 3 placed)'],
  ] as const)('%i of %i (%s) → %s', (remaining, total, locale, text) => {
    expect(remainingText(remaining, total, locale)).toBe(text);
  });
});
