import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';
import { buildCalendar, escapeText, foldLine } from './ical';
import { addDays, berlinToday } from './deadlines.service';
import { formatDate } from '../../../domain/format';

/** Unfolds an iCalendar text into its logical lines (RFC 5545 3.1). */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
const octets = (s: string) => Buffer.byteLength(s, 'utf8');
/** Reads a TEXT value back (the inverse of escapeText). */
const unescape = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

describe('iCal writer', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b; c, d\ne\r\nf')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
    expect(unescape(escapeText('Ort: Markt; Zeit, 10 Uhr\\Nord\nZeile 2'))).toBe('Ort: Markt; Zeit, 10 Uhr\\Nord\nZeile 2');
  });

  it('folds lines at 75 octets without splitting UTF-8 characters', () => {
    expect(foldLine('SUMMARY:kurz')).toBe('SUMMARY:kurz');
    const ascii = `DESCRIPTION:${'x'.repeat(200)}`;
    const folded = foldLine(ascii);
    expect(folded.split('\r\n').every((l) => octets(l) <= 75)).toBe(true);
    expect(folded.split('\r\n')[0]).toHaveLength(75);
    expect(folded.split('\r\n').slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(ascii);
    // two-byte umlauts and a four-byte emoji around the fold points
    const german = `SUMMARY:${'Übergangsmaßnahme Grünfläche Südstraße '.repeat(6)}😀 Ende`;
    const parts = foldLine(german).split('\r\n');
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) {
      expect(octets(p)).toBeLessThanOrEqual(75);
      expect(p).not.toContain('\ufffd');
      expect(Buffer.from(p, 'utf8').toString('utf8')).toBe(p);
    }
    expect(parts.join('\r\n').replace(/\r\n /g, '')).toBe(german);
  });

  it('writes a calendar with CRLF, all-day events, an alarm and a stable DTSTAMP', () => {
    const ics = buildCalendar({
      prodId: '-//Test//DE',
      name: 'Fristen, Musterstadt',
      now: new Date('2026-11-21T09:05:07.123Z'),
      events: [{ uid: 'a@x', date: '2026-12-31', summary: 'Frist; letzte, wirklich', description: 'Zeile 1\nZeile 2', alarmDaysBefore: [14] }],
    });
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = unfold(ics);
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(lines).toContain('X-WR-CALNAME:Fristen\\, Musterstadt');
    expect(lines).toContain('DTSTAMP:20261121T090507Z');
    expect(lines).toContain('DTSTART;VALUE=DATE:20261231');
    expect(lines).toContain('DTEND;VALUE=DATE:20270101');
    expect(lines).toContain('SUMMARY:Frist\\; letzte\\, wirklich');
    expect(lines).toContain('DESCRIPTION:Zeile 1\\nZeile 2');
    expect(lines).toContain('TRIGGER:-P14D');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
  });
});

let app: App;
let close: () => Promise<void>;
let t: Tenant;
let other: Tenant;
const today = berlinToday();
const inDays = (n: number) => addDays(today, n);
beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app, 'Musterstadt');
  other = await createTenant(app, 'Nachbarstadt');
});
afterAll(() => close());

type Deadline = {
  key: string; date: string; daysLeft: number; kind: string; programmeName: string | null; sourceLabel: string; sourceStatus: string; note: string;
  measure: { id: string; number: number; title: string; leadDepartmentName: string | null };
};
const deadlines = async (cookie: string, query = '') => {
  const res = await call(app, cookie, 'GET', `/funding/deadlines${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<Deadline[]>(res);
};
const programmeInput = (name: string, windows: { opensOn: string | null; closesOn: string | null; note: string }[]) => ({
  name, provider: 'Land', level: 'state', kind: 'grant', rateText: '', ratePercent: 60, rateWeakPercent: null, minAmountCents: null, maxAmountCents: null,
  applicants: ['municipality'], topics: [], requiresDesignatedArea: false, climateRequirement: false, windows, requiredDocuments: '', description: '', sourceUrl: '', lastChecked: null,
});
const TITLE = 'Neugestaltung des Übergangs am Südbahnhof mit Grünfläche, Sitzstufen; Beleuchtung und Radabstellanlage';

describe('deadlines', () => {
  let measure: { id: string; number: number };
  let programme: { id: string };
  let windowProgramme: { id: string };
  let sources: unknown[];

  beforeAll(async () => {
    programme = json(await call(app, t.cookies.admin, 'POST', '/funding-programmes', programmeInput('Landesprogramm Ortskerne; Plätze, Wege', [])));
    windowProgramme = json(
      await call(app, t.cookies.admin, 'POST', '/funding-programmes', programmeInput('Förderaufruf Stadtgrün', [
        { opensOn: inDays(-90), closesOn: inDays(-30), note: 'Aufruf 1' },
        { opensOn: inDays(-20), closesOn: inDays(40), note: 'Aufruf 2' },
        { opensOn: inDays(300), closesOn: inDays(400), note: 'Aufruf 3' },
      ])),
    );
    measure = json(await call(app, t.cookies.coordinator, 'POST', '/measures', { title: TITLE, costCents: 500000000, leadDepartmentId: t.departmentIds[0] }));
    sources = [
      { kind: 'programme', programmeId: programme.id, status: 'preparing', applicationDeadline: inDays(20), amounts: { '2027': 100000000 } },
      { kind: 'third_party', label: 'Stiftung Stadtbild', status: 'idea', applicationDeadline: inDays(5), amounts: {} },
      { kind: 'programme', programmeId: windowProgramme.id, status: 'idea', amounts: {} },
      { kind: 'third_party', label: 'Bürgerstiftung', status: 'preparing', applicationDeadline: inDays(-10), amounts: {} },
      // already applied for or decided: no deadline to watch
      { kind: 'third_party', label: 'Sparkassenstiftung', status: 'applied', applicationDeadline: inDays(7), amounts: {} },
      { kind: 'municipal_budget', label: 'Haushalt', status: 'approved', applicationDeadline: inDays(8), amounts: {} },
    ];
    const saved = await call(app, t.cookies.coordinator, 'PUT', `/measures/${measure.id}/funding-plan`, { version: 0, sources });
    expect(saved.statusCode, saved.body).toBe(200);
  });

  it('lists the open deadlines from the saved plan and the programme window, by date, without passed ones', async () => {
    const list = await deadlines(t.cookies.reader);
    expect(list.map((d) => [d.date, d.kind, d.programmeName ?? d.sourceLabel, d.daysLeft])).toEqual([
      [inDays(5), 'source', 'Stiftung Stadtbild', 5],
      [inDays(20), 'source', 'Landesprogramm Ortskerne; Plätze, Wege', 20],
      [inDays(40), 'programme_window', 'Förderaufruf Stadtgrün', 40],
    ]);
    expect(list[0]).toMatchObject({
      measure: { id: measure.id, number: measure.number, title: TITLE, leadDepartmentName: 'Stadtplanungsamt' },
      programmeName: null,
      sourceStatus: 'idea',
    });
    expect(list[1]).toMatchObject({ sourceStatus: 'preparing', note: '' });
    expect(list[2]).toMatchObject({ note: 'Aufruf 2', sourceStatus: 'idea' });
    expect(new Set(list.map((d) => d.key)).size).toBe(3);
  });

  it('includes passed deadlines when `from` says so (also as 15.01.2027) and stops at `to`', async () => {
    const past = await deadlines(t.cookies.department, `?from=${formatDate(inDays(-60))}`);
    expect(past.map((d) => [d.date, d.programmeName ?? d.sourceLabel])).toEqual([
      [inDays(-30), 'Förderaufruf Stadtgrün'],
      [inDays(-10), 'Bürgerstiftung'],
      [inDays(5), 'Stiftung Stadtbild'],
      [inDays(20), 'Landesprogramm Ortskerne; Plätze, Wege'],
      [inDays(40), 'Förderaufruf Stadtgrün'],
    ]);
    expect(past[1].daysLeft).toBe(-10);
    expect((await deadlines(t.cookies.reader, `?to=${inDays(10)}`)).map((d) => d.sourceLabel)).toEqual(['Stiftung Stadtbild']);
    // an explicit range shows every programme window closing in it
    expect((await deadlines(t.cookies.reader, `?from=${inDays(30)}&to=${inDays(500)}`)).map((d) => d.date)).toEqual([inDays(40), inDays(400)]);
    const bad = await call(app, t.cookies.reader, 'GET', `/funding/deadlines?from=${inDays(5)}&to=${inDays(1)}`);
    expect(bad.statusCode).toBe(400);
    expect((await call(app, t.cookies.reader, 'GET', '/funding/deadlines?from=morgen')).statusCode).toBe(400);
  });

  it('keeps keys stable when the plan is saved again and drops a source once it is applied for', async () => {
    const before = await deadlines(t.cookies.reader);
    const plan = json(await call(app, t.cookies.reader, 'GET', `/measures/${measure.id}/funding-plan`));
    const resaved = await call(app, t.cookies.coordinator, 'PUT', `/measures/${measure.id}/funding-plan`, { version: plan.version, sources });
    expect(resaved.statusCode).toBe(200);
    expect((await deadlines(t.cookies.reader)).map((d) => d.key)).toEqual(before.map((d) => d.key));
    const applied = (sources as { label?: string; status: string }[]).map((s) => (s.label === 'Stiftung Stadtbild' ? { ...s, status: 'applied' } : s));
    await call(app, t.cookies.coordinator, 'PUT', `/measures/${measure.id}/funding-plan`, { version: plan.version + 1, sources: applied });
    expect((await deadlines(t.cookies.reader)).map((d) => d.sourceLabel)).not.toContain('Stiftung Stadtbild');
    await call(app, t.cookies.coordinator, 'PUT', `/measures/${measure.id}/funding-plan`, { version: plan.version + 2, sources });
  });

  it('needs a member; the feed URL needs a coordinator or admin; other municipalities see nothing', async () => {
    expect((await call(app, null, 'GET', '/funding/deadlines')).statusCode).toBe(401);
    expect((await call(app, null, 'GET', '/funding/calendar')).statusCode).toBe(401);
    expect((await call(app, null, 'POST', '/funding/calendar')).statusCode).toBe(401);
    expect((await call(app, null, 'POST', '/funding/calendar/regenerate')).statusCode).toBe(401);
    for (const role of ['reader', 'department'] as const) {
      expect((await call(app, t.cookies[role], 'GET', '/funding/calendar')).statusCode).toBe(403);
      expect((await call(app, t.cookies[role], 'POST', '/funding/calendar')).statusCode).toBe(403);
      expect((await call(app, t.cookies[role], 'POST', '/funding/calendar/regenerate')).statusCode).toBe(403);
    }
    expect(await deadlines(other.cookies.admin)).toEqual([]);
    expect(await deadlines(other.cookies.admin, `?from=${inDays(-400)}`)).toEqual([]);
    // another municipality's measure is not found there
    expect((await call(app, other.cookies.admin, 'GET', `/measures/${measure.id}/funding-plan`)).statusCode).toBe(404);
  });

  it('serves a secret iCal feed: CRLF, folded lines, escaped text, one VEVENT per deadline; regenerating invalidates the old URL', async () => {
    // reading does not create a subscription
    expect(json(await call(app, t.cookies.coordinator, 'GET', '/funding/calendar'))).toEqual({ exists: false, url: null, webcalUrl: null, createdAt: null });
    expect(await app.db.query('SELECT 1 FROM calendar_feed WHERE municipality_id = $1', [t.municipalityId])).toHaveLength(0);
    const first = await call(app, t.cookies.coordinator, 'POST', '/funding/calendar');
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    const feed = json(first);
    expect(feed.exists).toBe(true);
    expect(feed.url).toMatch(/^http:\/\/localhost(:\d+)?\/api\/v1\/funding\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(feed.webcalUrl).toBe(feed.url.replace(/^http:/, 'webcal:'));
    // only the hash is stored: the URL is not shown again
    const again = json(await call(app, t.cookies.admin, 'POST', '/funding/calendar'));
    expect(again).toMatchObject({ exists: true, url: null, createdAt: feed.createdAt });
    expect(json(await call(app, t.cookies.admin, 'GET', '/funding/calendar'))).toEqual({ exists: true, url: null, webcalUrl: null, createdAt: feed.createdAt });
    const [stored] = await app.db.query<{ token_hash: string }>('SELECT token_hash FROM calendar_feed WHERE municipality_id = $1', [t.municipalityId]);
    const token = feed.url.match(/calendar\/(.+)\.ics$/)[1];
    expect(stored.token_hash).not.toContain(token);

    const path = new URL(feed.url).pathname;
    const res = await app.inject({ method: 'GET', url: path });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const ics = res.body;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const physical = ics.split('\r\n');
    expect(physical.every((l) => octets(l) <= 75)).toBe(true);
    expect(physical.some((l) => l.startsWith(' '))).toBe(true);
    const lines = unfold(ics);
    // the feed reaches back half a year
    const expected = await deadlines(t.cookies.reader, `?from=${inDays(-180)}`);
    expect(expected.length).toBe(5);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(expected.length);
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(expected.length);
    expect(lines.filter((l) => l === 'BEGIN:VALARM')).toHaveLength(expected.length);
    expect(lines.filter((l) => l === 'TRIGGER:-P14D')).toHaveLength(expected.length);
    const uids = lines.filter((l) => l.startsWith('UID:'));
    expect(new Set(uids).size).toBe(expected.length);
    expect(lines.filter((l) => l.startsWith('DTSTART;VALUE=DATE:')).sort()).toEqual(expected.map((d) => `DTSTART;VALUE=DATE:${d.date.replace(/-/g, '')}`).sort());
    expect(lines).toContain(`SUMMARY:${escapeText(`Antragsfrist: Landesprogramm Ortskerne; Plätze, Wege – ${TITLE}`)}`);
    expect(lines.find((l) => l.startsWith('SUMMARY:Antragsfrist: Landesprogramm'))).toContain('Ortskerne\\; Plätze\\, Wege');
    const description = unescape(lines.find((l) => l.startsWith('DESCRIPTION:') && l.includes('Ortskerne'))!.slice('DESCRIPTION:'.length));
    expect(description).toContain(`Maßnahme Nr. ${measure.number}: ${TITLE}`);
    expect(description).toContain('Status: in Vorbereitung');
    expect(description).toContain(`Frist: ${formatDate(inDays(20))}`);
    expect(description.split('\n').length).toBeGreaterThan(3);
    expect(lines).toContain(`URL;VALUE=URI:http://localhost:80/measures/${measure.id}/funding`);
    expect(lines.some((l) => l.startsWith('X-WR-CALNAME:Antragsfristen Musterstadt'))).toBe(true);

    // other municipalities' feeds hold only their own deadlines
    const otherFeed = json(await call(app, other.cookies.coordinator, 'POST', '/funding/calendar'));
    const otherIcs = (await app.inject({ method: 'GET', url: new URL(otherFeed.url).pathname })).body;
    expect(otherIcs).toContain('BEGIN:VCALENDAR');
    expect(otherIcs).not.toContain('BEGIN:VEVENT');

    // unknown or malformed tokens: 404, without a session too
    for (const bad of [path.replace(/[A-Za-z0-9_-]{43}\.ics$/, `${'A'.repeat(43)}.ics`), path.replace(/\.ics$/, ''), '/api/v1/funding/calendar/x.ics', `${path}x`]) {
      const r = await app.inject({ method: 'GET', url: bad });
      expect(r.statusCode, bad).toBe(404);
    }

    const regenerated = await call(app, t.cookies.coordinator, 'POST', '/funding/calendar/regenerate');
    expect(regenerated.statusCode).toBe(200);
    const next = json(regenerated);
    expect(next.url).not.toBe(feed.url);
    expect((await app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    const fresh = await app.inject({ method: 'GET', url: new URL(next.url).pathname });
    expect(fresh.statusCode).toBe(200);
    expect(unfold(fresh.body).filter((l) => l.startsWith('UID:'))).toEqual(uids);
    const audit = await app.db.query<{ action: string }>("SELECT action FROM audit_event WHERE municipality_id = $1 AND entity_type = 'calendarFeed' ORDER BY id", [t.municipalityId]);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });
});
