/**
 * A small iCalendar (RFC 5545) writer for all-day events: text escaping, line folding at 75 octets
 * (never inside a UTF-8 character) and CRLF line ends. Pure functions, no I/O.
 */

export interface IcalEvent {
  /** globally unique and stable across feed refreshes, so calendar apps update instead of duplicating */
  uid: string;
  /** all-day date as `YYYY-MM-DD` */
  date: string;
  summary: string;
  description?: string;
  url?: string;
  /** a display alarm this many days before the date (start of day) */
  alarmDaysBefore?: number[];
}

export interface IcalCalendar {
  /** e.g. `-//Roter Faden//Antragsfristen//DE` */
  prodId: string;
  name?: string;
  description?: string;
  /** how often subscribers should refresh, in hours */
  refreshHours?: number;
  events: IcalEvent[];
  /** the DTSTAMP of every event; defaults to now */
  now?: Date;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line (RFC 5545 3.1): no line longer than 75 octets without the CRLF; continuation
 * lines start with one space (which counts). Characters are never split, so multi-byte UTF-8 stays whole.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

/** `2027-01-15` → `20270115` */
export function icalDate(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not a date: ${iso}`);
  return iso.replace(/-/g, '');
}

/** The day after an ISO date (the exclusive DTEND of an all-day event). */
export function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** `2026-11-21T09:05:00.000Z` → `20261121T090500Z` */
export function icalDateTime(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** A whole VCALENDAR with CRLF line ends (including the last line). */
export function buildCalendar(cal: IcalCalendar): string {
  const stamp = icalDateTime(cal.now ?? new Date());
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${cal.prodId}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (cal.name) lines.push(`X-WR-CALNAME:${escapeText(cal.name)}`, `NAME:${escapeText(cal.name)}`);
  if (cal.description) lines.push(`X-WR-CALDESC:${escapeText(cal.description)}`);
  if (cal.refreshHours) lines.push(`REFRESH-INTERVAL;VALUE=DURATION:PT${cal.refreshHours}H`, `X-PUBLISHED-TTL:PT${cal.refreshHours}H`);
  for (const e of cal.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icalDate(e.date)}`,
      `DTEND;VALUE=DATE:${icalDate(nextDay(e.date))}`,
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.url) lines.push(`URL;VALUE=URI:${e.url}`);
    lines.push('TRANSP:TRANSPARENT');
    for (const days of e.alarmDaysBefore ?? []) {
      lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `TRIGGER:-P${days}D`, `DESCRIPTION:${escapeText(e.summary)}`, 'END:VALARM');
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
