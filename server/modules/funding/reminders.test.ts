import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import { buildApp, type App } from '../../app';
import { createMailer, type Mailer } from '../notifications/mailer';
import { runOutbox } from '../notifications/outbox';
import { sendDueReminders } from './reminders.service';
import { readMessage, startSmtp, type Received, type TestSmtp } from './test-smtp';

let smtp: TestSmtp;
let received: Received[];
let logins: TestSmtp['logins'];
let port: number;

const addresses = (header: string) => [...header.matchAll(/[^\s<>,"]+@[^\s<>,"]+/g)].map((m) => m[0].toLowerCase()).sort();

/* ---------- the municipality ---------- */

let app: App;
let close: () => Promise<void>;
let t: Tenant;
let other: Tenant;
let mailer: Mailer;
const emails: Record<string, string> = {};
let measure: { id: string; number: number };
const TITLE = 'Übergang am Südbahnhof – Grün & Wege';
const PROGRAMME = 'Förderprogramm „Grün in der Stadt“ (Land)';
const TODAY = '2027-01-01';
const BASE = 'https://isek.musterstadt.example';

const remind = (today: string) => sendDueReminders(app.db, { today, days: [14, 3] });
/** what the outbox worker does with SMTP configured: the reminders' notifications become one mail per person */
const mail = (m: Mailer = mailer) => runOutbox(app.db, m, { secret: app.config.sessionSecret, baseUrl: BASE, digestHour: 7, now: new Date('2027-01-01T03:00:00Z') });
const run = async (today: string) => {
  const r = await remind(today);
  await mail();
  return r;
};
const emailOf = async (userId: string) => (await app.db.query<{ email: string }>('SELECT email FROM app_user WHERE id = $1', [userId]))[0].email.toLowerCase();

beforeAll(async () => {
  smtp = await startSmtp();
  ({ received, logins, port } = smtp);
  mailer = createMailer({ smtpUrl: `smtp://fristen%40musterstadt.example:geh%C3%A9im%3A1@127.0.0.1:${port}`, mailFrom: 'Roter Faden Musterstadt <fristen@musterstadt.example>' })!;

  ({ app, close } = await createTestApp());
  t = await createTenant(app, 'Musterstadt');
  other = await createTenant(app, 'Nachbarstadt');
  for (const role of ['admin', 'coordinator', 'department', 'reader'] as const) emails[role] = await emailOf(t.userIds[role]);
  // a member of another department must not hear about this measure
  emails.otherDepartment = `tiefbau.${randomBytes(3).toString('hex')}@example.org`;
  const [{ id }] = await app.db.query<{ id: string }>("INSERT INTO app_user (email, name) VALUES ($1, 'Tiefbau') RETURNING id", [emails.otherDepartment]);
  await app.db.query("INSERT INTO membership (municipality_id, user_id, role, department_id) VALUES ($1, $2, 'department', $3)", [t.municipalityId, id, t.departmentIds[1]]);

  const programme = json(
    await call(app, t.cookies.admin, 'POST', '/funding-programmes', {
      name: PROGRAMME, provider: 'Land', level: 'state', kind: 'grant', rateText: '', ratePercent: 60, rateWeakPercent: null, minAmountCents: null, maxAmountCents: null,
      applicants: ['municipality'], topics: [], requiresDesignatedArea: false, climateRequirement: false, windows: [], requiredDocuments: '', description: '', sourceUrl: '', lastChecked: null,
    }),
  );
  measure = json(await call(app, t.cookies.coordinator, 'POST', '/measures', { title: TITLE, costCents: 100000000, leadDepartmentId: t.departmentIds[0] }));
  const saved = await call(app, t.cookies.coordinator, 'PUT', `/measures/${measure.id}/funding-plan`, {
    version: 0,
    sources: [
      { kind: 'programme', programmeId: programme.id, status: 'preparing', applicationDeadline: '2027-01-15', amounts: { '2027': 50000000 } },
      // passed already: never a reminder
      { kind: 'third_party', label: 'Alte Stiftung', status: 'idea', applicationDeadline: '2026-12-20', amounts: {} },
      // applied for: nothing to remind of
      { kind: 'third_party', label: 'Beantragte Stiftung', status: 'applied', applicationDeadline: '2027-01-10', amounts: {} },
    ],
  });
  expect(saved.statusCode, saved.body).toBe(200);
  // the lead department was told it leads the measure: not this test's subject, so not mailed here
  await app.db.query('UPDATE notification SET mail_state = NULL');
});
afterAll(async () => {
  mailer?.close();
  await close();
  await smtp.stop();
});

describe('deadline reminders (notifications, by e-mail through the outbox)', () => {
  it('sends the 14-day reminder once, over SMTP, to admins, coordinators and the lead department, one mail each', async () => {
    const result = await run(TODAY);
    expect(result.sent).toHaveLength(1);
    expect(result.sent[0]).toMatchObject({ municipalityId: t.municipalityId, daysBefore: 14, recipients: 3 });
    expect(received).toHaveLength(3);
    expect(received.flatMap((r) => r.rcptTo).sort()).toEqual([emails.admin, emails.coordinator, emails.department].sort());
    const mail = received.find((r) => r.rcptTo.includes(emails.department))!;
    expect(mail.mailFrom).toBe('fristen@musterstadt.example');
    expect(mail.user).toBe('fristen@musterstadt.example');
    expect(logins[0]).toEqual({ username: 'fristen@musterstadt.example', password: 'gehéim:1' });

    const m = readMessage(mail.raw);
    // each person gets their own mail (their own unsubscribe link); nobody sees the others' addresses
    expect(addresses(m.header('to'))).toEqual([emails.department]);
    expect(m.header('cc')).toBe('');
    expect(m.header('bcc')).toBe('');
    expect(m.header('list-unsubscribe')).toMatch(/^<https:\/\/isek\.musterstadt\.example\/api\/v1\/notifications\/unsubscribe\?token=[\w.-]+>$/);
    expect(m.header('from')).toBe('Roter Faden Musterstadt <fristen@musterstadt.example>');
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?/m); // umlauts travel encoded…
    expect(m.header('subject')).toBe(`Antragsfrist in 14 Tagen: ${PROGRAMME} – Maßnahme Nr. ${measure.number} ${TITLE}`); // …and read back exactly
    expect(m.textEncoding).toBe('quoted-printable');
    expect(m.text).toContain('In 14 Tagen, am Freitag, 15.01.2027, endet die Antragsfrist');
    expect(m.text).toContain(TITLE);
    expect(m.text).toContain(PROGRAMME);
    expect(m.text).toMatch(/Stand:\s+in Vorbereitung/);
    expect(m.text).toMatch(/Federführung:\s+Stadtplanungsamt/);
    expect(m.text).toContain('Was jetzt zu tun ist:');
    expect(m.text).toContain(`Zum Finanzierungsplan: ${BASE}/measures/${measure.id}/funding`);
    expect(m.text).not.toMatch(/Alte Stiftung|Beantragte Stiftung/);
    expect(m.html).toContain(`<a href="${BASE}/measures/${measure.id}/funding">`);
    expect(m.html).toContain('Grün &amp; Wege');
    expect(m.html).toContain('15.01.2027');
    expect(m.html).not.toMatch(/<script|Grün & Wege/);

    const rows = await app.db.query<{ item_key: string; days_before: number; recipients: number; sent_at: Date | null }>(
      'SELECT item_key, days_before, recipients, sent_at FROM reminder_sent WHERE municipality_id = $1',
      [t.municipalityId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ days_before: 14, recipients: 3 });
    expect(rows[0].sent_at).not.toBeNull();
    expect(rows[0].item_key).toContain(measure.id);
  });

  it('sends nothing again: not on the same day, not before the 3-day mark, not from two runs at once', async () => {
    expect((await run(TODAY)).sent).toEqual([]);
    expect((await run('2027-01-02')).sent).toEqual([]);
    expect((await run('2027-01-11')).sent).toEqual([]);
    expect(received).toHaveLength(3);
  });

  it('sends the 3-day reminder once, even from several instances at the same time', async () => {
    const [a, b] = await Promise.all([remind('2027-01-12'), remind('2027-01-12')]);
    expect(a.sent.length + b.sent.length).toBe(1);
    await Promise.all([mail(), mail()]);
    expect(received).toHaveLength(6);
    const m = readMessage(received[3].raw);
    expect(m.header('subject')).toBe(`Antragsfrist in 3 Tagen: ${PROGRAMME} – Maßnahme Nr. ${measure.number} ${TITLE}`);
    expect(m.text).toContain('15.01.2027');
    expect(received.slice(3).flatMap((r) => r.rcptTo).sort()).toEqual([emails.admin, emails.coordinator, emails.department].sort());
    expect((await run('2027-01-13')).sent).toEqual([]);
    expect((await run('2027-01-15')).sent).toEqual([]);
    // past the deadline: nothing, ever
    expect((await run('2027-01-16')).sent).toEqual([]);
    expect(received).toHaveLength(6);
  });

  it('gives a deadline entered late only the nearest reminder, and the outbox retries a mail whose sending failed', async () => {
    const m2 = json(await call(app, other.cookies.coordinator, 'POST', '/measures', { title: 'Spielplatz Nord', costCents: 1000000, leadDepartmentId: other.departmentIds[1] }));
    await call(app, other.cookies.coordinator, 'PUT', `/measures/${m2.id}/funding-plan`, {
      version: 0,
      sources: [{ kind: 'third_party', label: 'Stiftung Kinderträume', status: 'idea', applicationDeadline: '2027-03-03', amounts: {} }],
    });
    await app.db.query('UPDATE notification SET mail_state = NULL');
    // the SMTP server is unreachable: nothing is recorded as sent
    const [closed] = await new Promise<AddressInfo[]>((resolve) => {
      const s = new SMTPServer({ logger: false });
      s.listen(0, '127.0.0.1', () => {
        const address = s.server.address() as AddressInfo;
        s.close(() => resolve([address]));
      });
    });
    const broken = createMailer({ smtpUrl: `smtp://127.0.0.1:${closed.port}`, mailFrom: 'x <x@localhost>' })!;
    // only the 3-day reminder (2 days left), to the other municipality's people
    const late = await remind('2027-03-01');
    expect(late.sent).toHaveLength(1);
    expect(late.sent[0]).toMatchObject({ municipalityId: other.municipalityId, daysBefore: 3, recipients: 2 });
    expect(await mail(broken)).toMatchObject({ sent: 0, retry: 2 });
    broken.close();
    expect(received).toHaveLength(6);

    // the next try (when its pause is over) sends them
    await app.db.query("UPDATE mail_outbox SET next_attempt_at = now() WHERE status = 'pending'");
    expect(await mail()).toMatchObject({ sent: 2 });
    expect(received).toHaveLength(8);
    const got = readMessage(received[6].raw);
    expect(got.header('subject')).toBe(`Antragsfrist in 2 Tagen: Stiftung Kinderträume – Maßnahme Nr. ${m2.number} Spielplatz Nord`);
    expect(got.text).toContain('03.03.2027');
    expect(got.text).toMatch(/Finanzierungsquelle:\s+Stiftung Kinderträume/);
    // no member of that department: admins and coordinators get it
    expect(received.slice(6).flatMap((r) => r.rcptTo).sort()).toEqual([await emailOf(other.userIds.admin), await emailOf(other.userIds.coordinator)].sort());
    expect((await run('2027-03-02')).sent).toEqual([]);
    expect(received).toHaveLength(8);
  });

  it('has no mailer without SMTP_URL; with it the app starts its outbox worker and stops it on close', async () => {
    expect(createMailer({ smtpUrl: undefined, mailFrom: 'x <x@localhost>' })).toBeNull();
    const withSmtp = await buildApp({ ...app.config, smtpUrl: `smtp://127.0.0.1:${port}` }, app.db, { logger: false });
    await withSmtp.ready();
    await withSmtp.close();
  });
});
