/**
 * The reporting cycle's e-mails over real SMTP (a test server on 127.0.0.1): opening a cycle mails each
 * member of a lead department once, with the department's measures and the link to "my reports"; the
 * reminder N days before the due date goes only to the departments still missing reports, once, even
 * when the job runs twice and when two instances run it at the same time (two connections on PostgreSQL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, createTestApp, json, login, PASSWORD, type Tenant } from '../../test/harness';
import { hashPassword } from '../auth/auth.service';
import { berlinToday } from '../funding/deadlines.service';
import { openPostgres, type Db } from '../../db/client';
import type { App } from '../../app';
import { readMessage, startSmtp, type TestSmtp } from '../funding/test-smtp';
import { createMailer, type Mailer } from '../notifications/mailer';
import { runOutbox } from '../notifications/outbox';
import { sendDueCycleReminders } from './cycles.service';

const BASE = 'https://isek.musterstadt.example';
let app: App;
let close: () => Promise<void>;
let databaseUrl: string | undefined;
let t: Tenant;
let smtp: TestSmtp;
let mailer: Mailer;
const TIEFBAU = 'tom.tiefbau@example.org';
let departmentEmail: string;

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const at = (d: string) => new Date(`${d}T10:00:00Z`);
const due = addDays(berlinToday(), 30);
const deDate = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
const flush = () => runOutbox(app.db, mailer, { secret: app.config.sessionSecret, baseUrl: BASE, digestHour: 7 });
const mailsTo = (email: string, from = 0) => smtp.received.slice(from).filter((r) => r.rcptTo.includes(email)).map((r) => readMessage(r.raw));
type M = { id: string; number: number };
let m1: M, m2: M, m3: M;

beforeAll(async () => {
  smtp = await startSmtp();
  mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: 'Roter Faden <benachrichtigung@musterstadt.example>' })!;
  ({ app, close, databaseUrl } = await createTestApp());
  t = await createTenant(app, 'Musterstadt');
  const [{ id }] = await app.db.query<{ id: string }>('INSERT INTO app_user (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id', [TIEFBAU, 'Tom Tiefbau', await hashPassword(PASSWORD)]);
  await app.db.query("INSERT INTO membership (municipality_id, user_id, role, department_id) VALUES ($1, $2, 'department', $3)", [t.municipalityId, id, t.departmentIds[1]]);
  departmentEmail = (await app.db.query<{ email: string }>('SELECT lower(email) AS email FROM app_user WHERE id = $1', [t.userIds.department]))[0].email;
  const measure = async (title: string, dept: string) => json<M>(await call(app, t.cookies.coordinator, 'POST', '/measures', { title, leadDepartmentId: dept }));
  m1 = await measure('Marktplatz umgestalten', t.departmentIds[0]);
  m2 = await measure('Grünes Band', t.departmentIds[0]);
  m3 = await measure('Radweg Südring', t.departmentIds[1]);
  await flush(); // nothing from the setup should count below
  smtp.received.length = 0;
});
afterAll(async () => {
  mailer.close();
  await close();
  await smtp.stop();
});

describe('reporting cycle e-mails', () => {
  let cycle: { id: string; version: number; title: string };

  it('opening a cycle mails each lead-department member once, with the measures and the link to "my reports"', async () => {
    cycle = json(await call(app, t.cookies.coordinator, 'POST', '/reporting-cycles', { dueOn: due, title: 'Beirat Frühjahr' }));
    await flush();
    expect(await flush()).toMatchObject({ immediate: 0, sent: 0 });
    const [mine, ...more] = mailsTo(departmentEmail);
    expect(more).toEqual([]);
    expect(mine.header('subject')).toBe(
      `Berichtszyklus Beirat Frühjahr: Bitte berichten Sie bis ${deDate(due)} zu den Maßnahmen Ihres Amtes Stadtplanungsamt: Nr. ${m1.number} „Marktplatz umgestalten“, Nr. ${m2.number} „Grünes Band“`,
    );
    expect(mine.text).toContain(`Öffnen: ${BASE}/my-reports`);
    const [theirs, ...moreTheirs] = mailsTo(TIEFBAU);
    expect(moreTheirs).toEqual([]);
    expect(theirs.text).toContain(`Nr. ${m3.number} „Radweg Südring“`);
    expect(theirs.text).not.toContain('Marktplatz');
    // nobody outside the lead departments
    expect(smtp.received.flatMap((r) => r.rcptTo).sort()).toEqual([departmentEmail, TIEFBAU].sort());
  });

  it('the reminder goes N days before the due date only to those still missing reports, and only once', async () => {
    const latest = json(await call(app, t.cookies.department, 'POST', `/measures/${m1.id}/reports`, { basedOn: null, state: 'on_track', progress: 10, spentCents: 0 }));
    expect(latest.cycleId).toBe(cycle.id);
    // the Tiefbauamt reports its only measure: it is not reminded
    const tom = await login(app, TIEFBAU);
    expect(json(await call(app, tom, 'POST', `/measures/${m3.id}/reports`, { basedOn: null, state: 'minor_issues', progress: 5, spentCents: 0 })).cycleId).toBe(cycle.id);
    const before = smtp.received.length;
    // eight days before: not yet (the default is seven)
    expect(await sendDueCycleReminders(app.db, at(addDays(due, -8)))).toBe(0);
    expect(await sendDueCycleReminders(app.db, at(addDays(due, -7)))).toBe(1);
    expect(await sendDueCycleReminders(app.db, at(addDays(due, -7)))).toBe(0);
    expect(await sendDueCycleReminders(app.db, at(addDays(due, -6)))).toBe(0);
    await flush();
    const [reminder, ...more] = mailsTo(departmentEmail, before);
    expect(more).toEqual([]);
    expect(reminder.header('subject')).toBe(`Erinnerung zum Berichtszyklus Beirat Frühjahr (fällig am ${deDate(due)}): Ein Bericht Ihres Amtes fehlt noch: Nr. ${m2.number} „Grünes Band“`);
    expect(reminder.text).not.toContain('Marktplatz');
    expect(reminder.text).toContain(`Öffnen: ${BASE}/my-reports`);
    expect(mailsTo(TIEFBAU, before)).toEqual([]);
    expect(smtp.received.length - before).toBe(1);
  });

  it('two instances running the reminder at once send it once', async () => {
    json(await call(app, t.cookies.coordinator, 'POST', `/reporting-cycles/${cycle.id}/close`, { version: cycle.version }));
    const next = json(await call(app, t.cookies.coordinator, 'POST', '/reporting-cycles', { dueOn: addDays(due, 60), title: 'Beirat Sommer' }));
    await flush();
    const before = smtp.received.length;
    // on PostgreSQL the second instance has its own connections
    const second: Db = databaseUrl ? await openPostgres(databaseUrl, 3) : app.db;
    try {
      const now = at(addDays(due, 60 - 7));
      const [a, b] = await Promise.all([sendDueCycleReminders(app.db, now), sendDueCycleReminders(second, now)]);
      // both departments miss reports in the new cycle: one member each
      expect(a + b).toBe(2);
      const [{ n }] = await app.db.query<{ n: number }>("SELECT count(*)::int AS n FROM reporting_cycle_reminder WHERE cycle_id = $1 AND kind = 'auto'", [next.id]);
      expect(n).toBe(2);
    } finally {
      if (second !== app.db) await second.close();
    }
    await flush();
    const subjects = smtp.received.slice(before).map((r) => readMessage(r.raw).header('subject'));
    expect(subjects).toHaveLength(2);
    expect(subjects.every((s) => s.startsWith('Erinnerung zum Berichtszyklus Beirat Sommer'))).toBe(true);
    expect(smtp.received.slice(before).flatMap((r) => r.rcptTo).sort()).toEqual([departmentEmail, TIEFBAU].sort());
  });
});
