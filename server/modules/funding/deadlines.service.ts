import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { CalendarFeed, Deadline, FundingWindow } from '../../../contract/funding';
import { formatDate } from '../../../domain/format';
import { recordAudit } from '../audit/audit.service';
import { buildCalendar, type IcalEvent } from './ical';

/** Sources still to be applied for; their deadlines are the ones to watch. */
export const OPEN_STATUSES = ['idea', 'preparing'] as const;
export const SOURCE_STATUS_DE: Record<string, string> = {
  idea: 'Idee', preparing: 'in Vorbereitung', applied: 'beantragt', approved: 'bewilligt', rejected: 'abgelehnt', paid_out: 'ausgezahlt',
};

/** Today's date in Germany (`YYYY-MM-DD`): a deadline is "today" by the municipality's clock, not UTC's. */
export function berlinToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => Math.round(dayNumber(to) - dayNumber(from));
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface SourceRow {
  position: number;
  measureId: string;
  number: number;
  title: string;
  leadDepartmentId: string | null;
  leadDepartmentName: string | null;
  kind: string;
  programmeId: string | null;
  programmeName: string | null;
  windows: FundingWindow[] | null;
  label: string;
  status: Deadline['sourceStatus'];
  applicationDeadline: string | null;
}

export type DeadlineItem = Deadline & { leadDepartmentId: string | null };

export interface DeadlineRange {
  /** default: today; earlier dates include passed deadlines */
  from?: string;
  /** default: open-ended */
  to?: string;
  /** default: today in Germany */
  today?: string;
}

const shortHash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 12);

/**
 * The application deadlines of the planned measures, by date: every funding source with status idea or
 * preparing contributes its own application deadline or, without one, its programme's next window
 * closing (from today; with an earlier `from` also the windows that closed since then).
 */
export async function listDeadlines(db: Db, municipalityId: string, range: DeadlineRange = {}): Promise<DeadlineItem[]> {
  const today = range.today ?? berlinToday();
  const from = range.from ?? today;
  const to = range.to ?? null;
  const rows = await db.query<SourceRow>(
    `SELECT s.position, s.measure_id AS "measureId", m.number, m.title, m.lead_department_id AS "leadDepartmentId", d.name AS "leadDepartmentName",
            s.kind, s.programme_id AS "programmeId", p.name AS "programmeName", p.windows, s.label, s.status,
            s.application_deadline AS "applicationDeadline"
       FROM funding_source s
       JOIN measure m ON m.municipality_id = s.municipality_id AND m.id = s.measure_id
       LEFT JOIN department d ON d.municipality_id = m.municipality_id AND d.id = m.lead_department_id
       LEFT JOIN funding_programme p ON p.municipality_id = s.municipality_id AND p.id = s.programme_id
      WHERE s.municipality_id = $1 AND s.status = ANY($2::text[])
        AND (s.application_deadline IS NOT NULL OR s.programme_id IS NOT NULL)
      ORDER BY m.number, s.position`,
    [municipalityId, [...OPEN_STATUSES]],
  );
  const inRange = (date: string) => date >= from && (to == null || date <= to);
  const seen = new Map<string, number>();
  const items: DeadlineItem[] = [];
  for (const r of rows) {
    // Plans are saved as a whole (sources get new ids), so a source is named by its measure and programme
    // or label; the n-th source of the same name in a plan gets a suffix.
    let base = `source:${r.measureId}:${r.programmeId ?? `${r.kind}-${shortHash(r.label.trim().toLowerCase())}`}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    if (n > 1) base += `-${n}`;
    const common = {
      measure: { id: r.measureId, number: r.number, title: r.title, leadDepartmentName: r.leadDepartmentName },
      leadDepartmentId: r.leadDepartmentId,
      programmeId: r.programmeId,
      programmeName: r.programmeName,
      sourceLabel: r.label,
      sourceStatus: r.status,
    };
    if (r.applicationDeadline) {
      if (inRange(r.applicationDeadline)) {
        items.push({ ...common, key: base, date: r.applicationDeadline, daysLeft: daysBetween(today, r.applicationDeadline), kind: 'source', note: '' });
      }
      continue;
    }
    const windows = (r.windows ?? []).filter((w): w is FundingWindow & { closesOn: string } => !!w.closesOn).sort((a, b) => a.closesOn.localeCompare(b.closesOn));
    const next = windows.find((w) => w.closesOn >= today);
    // with an explicit range: every window closing in it; otherwise the next one (and the passed ones since `from`)
    const chosen = windows.filter((w) => inRange(w.closesOn) && (to != null || w.closesOn < today || w === next));
    for (const w of chosen) {
      items.push({
        ...common,
        key: `window:${r.measureId}:${r.programmeId}:${w.closesOn}${n > 1 ? `-${n}` : ''}`,
        date: w.closesOn,
        daysLeft: daysBetween(today, w.closesOn),
        kind: 'programme_window',
        note: w.note ?? '',
      });
    }
  }
  return items.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.measure.number - b.measure.number ||
      (a.programmeName ?? a.sourceLabel).localeCompare(b.programmeName ?? b.sourceLabel, 'de'),
  );
}

/** "Lebendige Zentren" or, for a budget line or third party, its label (or what it is). */
export function deadlineSourceName(d: Pick<Deadline, 'programmeName' | 'sourceLabel'>): string {
  return d.programmeName ?? (d.sourceLabel || 'Finanzierungsquelle');
}

/* ---------- iCal feed ---------- */

const feedHash = (secret: string, token: string) => createHmac('sha256', secret).update(`calendar:${token}`).digest('hex');
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const feedPath = (token: string) => `/api/v1/funding/calendar/${token}.ics`;
function feedUrls(baseUrl: string, token: string): Pick<CalendarFeed, 'url' | 'webcalUrl'> {
  const url = `${baseUrl}${feedPath(token)}`;
  return { url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
}
const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

/** Whether the municipality has a calendar subscription, and since when (reading never creates one). */
export async function calendarFeedStatus(db: Db, municipalityId: string): Promise<CalendarFeed> {
  const [existing] = await db.query<{ created_at: Date }>('SELECT created_at FROM calendar_feed WHERE municipality_id = $1', [municipalityId]);
  return { exists: !!existing, url: null, webcalUrl: null, createdAt: existing ? iso(existing.created_at) : null };
}

/**
 * Creates the municipality's calendar subscription unless it exists. The token is random and only its
 * HMAC is stored, so the URL can be shown only when it is made: here, or by regenerating (which
 * invalidates the old one).
 */
export async function createCalendarFeed(db: Db, secret: string, actor: Actor, baseUrl: string): Promise<CalendarFeed> {
  const status = await calendarFeedStatus(db, actor.municipalityId);
  if (status.exists) return status;
  return db.tx(async (t) => {
    const token = randomBytes(32).toString('base64url');
    const [created] = await t.query<{ created_at: Date }>(
      'INSERT INTO calendar_feed (municipality_id, token_hash) VALUES ($1, $2) ON CONFLICT (municipality_id) DO NOTHING RETURNING created_at',
      [actor.municipalityId, feedHash(secret, token)],
    );
    if (!created) {
      // someone else created it at the same moment: theirs stands
      const [row] = await t.query<{ created_at: Date }>('SELECT created_at FROM calendar_feed WHERE municipality_id = $1', [actor.municipalityId]);
      return { exists: true, url: null, webcalUrl: null, createdAt: iso(row.created_at) };
    }
    await recordAudit(t, actor, { entityType: 'calendarFeed', entityId: actor.municipalityId, action: 'create', before: null, after: { issuedAt: iso(created.created_at) } });
    return { exists: true, ...feedUrls(baseUrl, token), createdAt: iso(created.created_at) };
  });
}

export async function regenerateCalendarFeed(db: Db, secret: string, actor: Actor, baseUrl: string): Promise<CalendarFeed> {
  return db.tx(async (t) => {
    const token = randomBytes(32).toString('base64url');
    const [before] = await t.query<{ created_at: Date }>('SELECT created_at FROM calendar_feed WHERE municipality_id = $1 FOR UPDATE', [actor.municipalityId]);
    const [row] = await t.query<{ created_at: Date }>(
      `INSERT INTO calendar_feed (municipality_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (municipality_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now() RETURNING created_at`,
      [actor.municipalityId, feedHash(secret, token)],
    );
    await recordAudit(t, actor, {
      entityType: 'calendarFeed',
      entityId: actor.municipalityId,
      action: before ? 'update' : 'create',
      before: before ? { issuedAt: iso(before.created_at) } : null,
      after: { issuedAt: iso(row.created_at) },
    });
    return { exists: true, ...feedUrls(baseUrl, token), createdAt: iso(row.created_at) };
  });
}

/** The municipality whose feed token this is, or null (also for anything that is not a token). */
export async function municipalityOfFeed(db: Db, secret: string, token: string): Promise<{ id: string; name: string } | null> {
  if (!TOKEN.test(token)) return null;
  const [row] = await db.query<{ id: string; name: string }>(
    'SELECT m.id, m.name FROM calendar_feed f JOIN municipality m ON m.id = f.municipality_id WHERE f.token_hash = $1',
    [feedHash(secret, token)],
  );
  return row ?? null;
}

/** How far back the feed reaches, so calendars keep recent deadlines instead of dropping them the day after. */
export const FEED_PAST_DAYS = 180;
export const FEED_ALARM_DAYS = 14;

export function deadlineSummary(d: Deadline): string {
  return `Antragsfrist: ${deadlineSourceName(d)} – ${d.measure.title}`;
}

export function deadlineEvent(d: Deadline, baseUrl?: string): IcalEvent {
  const lines = [
    `Maßnahme Nr. ${d.measure.number}: ${d.measure.title}`,
    d.programmeName ? `Förderprogramm: ${d.programmeName}` : `Finanzierungsquelle: ${deadlineSourceName(d)}`,
    `Status: ${SOURCE_STATUS_DE[d.sourceStatus] ?? d.sourceStatus}`,
    `Frist: ${formatDate(d.date)}${d.kind === 'programme_window' ? ' (Ende des Antragsfensters des Programms)' : ''}`,
  ];
  if (d.measure.leadDepartmentName) lines.push(`Federführung: ${d.measure.leadDepartmentName}`);
  if (d.note) lines.push(`Hinweis: ${d.note}`);
  const path = `/measures/${d.measure.id}/funding`;
  lines.push(`Finanzierungsplan: ${baseUrl ? `${baseUrl}${path}` : path}`);
  return {
    uid: `${d.key}@roter-faden`,
    date: d.date,
    summary: deadlineSummary(d),
    description: lines.join('\n'),
    url: baseUrl ? `${baseUrl}${path}` : undefined,
    alarmDaysBefore: [FEED_ALARM_DAYS],
  };
}

export async function calendarIcs(db: Db, municipality: { id: string; name: string }, opts: { today?: string; baseUrl?: string; now?: Date } = {}): Promise<string> {
  const today = opts.today ?? berlinToday(opts.now);
  const deadlines = await listDeadlines(db, municipality.id, { today, from: addDays(today, -FEED_PAST_DAYS) });
  return buildCalendar({
    prodId: '-//Roter Faden//Antragsfristen//DE',
    name: `Antragsfristen ${municipality.name}`,
    description: `Antragsfristen der geplanten Maßnahmen (${municipality.name}), aus Roter Faden`,
    refreshHours: 6,
    now: opts.now,
    events: deadlines.map((d) => deadlineEvent(d, opts.baseUrl)),
  });
}
