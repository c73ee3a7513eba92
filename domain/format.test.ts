import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatRank, parseDate, parseMoney } from './format';
import { keyFromLabel, STATUS_LABELS } from './labels';

describe('German formats', () => {
  it('formats amounts as 1.234.567 € and shows cents only when present', () => {
    expect(formatMoney(123456700)).toBe('1.234.567 €');
    expect(formatMoney(123456750)).toBe('1.234.567,50 €');
    expect(formatMoney(0)).toBe('0 €');
    expect(formatMoney(null)).toBe('–');
    expect(formatMoney(123456700, 'en')).toBe('€1,234,567');
  });

  it('formats dates as 21.11.2026', () => {
    expect(formatDate('2026-11-21')).toBe('21.11.2026');
    expect(formatDate('2026-11-21', 'en')).toBe('21/11/2026');
    expect(formatDate(null)).toBe('–');
  });
});

describe('parseMoney', () => {
  it.each([
    ['1.234.567 €', 123456700],
    ['1.234.567,50', 123456750],
    ['1234567', 123456700],
    ['1,5 Mio', 150000000],
    ['1,5 Mio. €', 150000000],
    ['250 T€', 25000000],
    ['85000', 8500000],
    ['12.5', 1250],
    ['1.250', 125000],
    [' 3 000 EUR ', 300000],
  ])('%s → %i cents', (input, cents) => expect(parseMoney(input)).toBe(cents));

  it.each(['viel Geld', '-5', '1,2,3', '', 'abc €'])('rejects %s', (input) => expect(parseMoney(input)).toBeNull());

  it('takes spreadsheet numbers as euros', () => {
    expect(parseMoney(1234.5)).toBe(123450);
    expect(parseMoney(-1)).toBeNull();
  });
});

describe('parseDate', () => {
  it.each([
    ['21.11.2026', '2026-11-21'],
    ['1.4.2027', '2027-04-01'],
    ['2026-11-21', '2026-11-21'],
    ['21.11.26', '2026-11-21'],
  ])('%s → %s', (input, iso) => expect(parseDate(input)).toBe(iso));

  it.each(['31.02.2026', '2026-13-01', 'morgen', '21/11/2026'])('rejects %s', (input) => expect(parseDate(input)).toBeNull());
});

describe('labels', () => {
  it('finds a status from its German or English label or key', () => {
    expect(keyFromLabel(STATUS_LABELS, 'In Umsetzung')).toBe('implementation');
    expect(keyFromLabel(STATUS_LABELS, 'on hold')).toBe('on_hold');
    expect(keyFromLabel(STATUS_LABELS, 'done')).toBe('done');
    expect(keyFromLabel(STATUS_LABELS, 'fertig')).toBeNull();
  });
});

describe('ranks', () => {
  it('writes a shared rank as German readers expect: "5 (gleichauf)", in English "5 (tied)"', () => {
    expect(formatRank(5, true)).toBe('5 (gleichauf)');
    expect(formatRank(5, true, 'en')).toBe('5 (tied)');
    expect(formatRank(3, false)).toBe('3');
    expect(formatRank(3, false, 'en')).toBe('3');
    expect(formatRank(null, false)).toBe('');
    expect(formatRank(5, true)).not.toContain('=');
  });
});
