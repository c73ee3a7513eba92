/**
 * Notifications by e-mail over real SMTP: a test SMTP server on 127.0.0.1 (port 0) receives what the
 * outbox worker sends. Preferences, digest, one-click unsubscribe, retries and give-up, and no double
 * sending with two workers on one database (two connections on PostgreSQL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import { buildApp, type App } from '../../app';
import { openPostgres, type Db } from '../../db/client';
import { readMessage, startSmtp, type TestSmtp } from '../funding/test-smtp';
import { createMailer, type Mailer } from './mailer';
import { notify } from './notify';
import { deliverDue, enqueueImmediate, runOutbox, MAX_ATTEMPTS, UNKNOWN_OUTCOME, type OutboxOptions } from './outbox';

const BASE = 'https://isek.musterstadt.example';
let app: App;
let close: () => Promise<void>;
let databaseUrl: string | undefined;
let t: Tenant;
let smtp: TestSmtp;
let mailer: Mailer;
const emails: Record<string, string> = {};

// 2027-03-01 is winter time: 05:30 UTC = 06:30 in Berlin, 07:30 UTC = 08:30
const BEFORE_DIGEST = new Date('2027-03-01T05:30:00Z');
const AFTER_DIGEST = new Date('2027-03-01T07:30:00Z');
const NEXT_DAY = new Date('2027-03-02T07:30:00Z');
const opts = (over: Partial<OutboxOptions> = {}): OutboxOptions => ({ secret: app.config.sessionSecret, baseUrl: BASE, digestHour: 7, now: BEFORE_DIGEST, ...over });
const run = (over: Partial<OutboxOptions> = {}, m: Mailer = mailer, db: Db = app.db) => runOutbox(db, m, opts(over));
const mailsTo = (who: string) => smtp.received.filter((r) => r.rcptTo.includes(emails[who])).map((r) => ({ ...readMessage(r.raw), raw: r.raw }));
const say = (kind: 'measure_lead_assigned' | 'saved_search_match' | 'funding_deadline', userIds: string[], params: Record<string, unknown>, eventKey?: string) =>
  app.db.tx((tx) => notify(tx, { municipalityId: t.municipalityId, kind, userIds, params, link: '/measures', eventKey }));
const unsubscribeLink = (text: string) => /(https:\/\/\S+\/api\/v1\/notifications\/unsubscribe\?token=[A-Za-z0-9_.-]+)/.exec(text)![1];
const mode = async (userId: string, kind: string) =>
  (await app.db.query<{ mode: string }>('SELECT mode FROM notification_preference WHERE user_id = $1 AND kind = $2', [userId, kind]))[0]?.mode;

beforeAll(async () => {
  smtp = await startSmtp();
  mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: 'Roter Faden <benachrichtigung@musterstadt.example>' })!;
  ({ app, close, databaseUrl } = await createTestApp());
  t = await createTenant(app, 'Musterstadt');
  for (const role of ['admin', 'coordinator', 'department', 'reader'] as const) {
    emails[role] = (await app.db.query<{ email: string }>('SELECT lower(email) AS email FROM app_user WHERE id = $1', [t.userIds[role]]))[0].email;
  }
});
afterAll(async () => {
  mailer.close();
  await close();
  await smtp.stop();
});

describe('notification e-mails', () => {
  it('sends an immediate notification once, with one-click unsubscribe headers and link', async () => {
    const measure = json(await call(app, t.cookies.coordinator, 'POST', '/measures', { title: 'Radweg Südring', costCents: 100 }));
    await call(app, t.cookies.coordinator, 'PUT', `/measures/${measure.id}/responsibility/${t.departmentIds[0]}`, { role: 'lead', version: measure.version });
    expect(await run()).toMatchObject({ immediate: 1, digests: 0, sent: 1, retry: 0, failed: 0 });
    expect(await run()).toMatchObject({ immediate: 0, sent: 0 });
    expect(smtp.received).toHaveLength(1);
    const [m] = mailsTo('department');
    expect(m.header('subject')).toBe(`Ihr Amt Stadtplanungsamt ist jetzt federführend für Maßnahme Nr. ${measure.number} „Radweg Südring“`);
    expect(m.header('from')).toBe('Roter Faden <benachrichtigung@musterstadt.example>');
    expect(m.text).toContain(`Öffnen: ${BASE}/measures/${measure.id}`);
    const link = unsubscribeLink(m.text);
    expect(m.header('list-unsubscribe')).toBe(`<${link}>`);
    expect(m.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(m.header('message-id')).toMatch(/^<[0-9a-f-]{36}@isek\.musterstadt\.example>$/);
    expect(m.html).toContain(`href="${link}"`);
    const [row] = await app.db.query<{ status: string; attempts: number }>('SELECT status, attempts FROM mail_outbox');
    expect(row).toEqual({ status: 'sent', attempts: 1 });
  });

  it('honours the preferences: immediate, digest at the configured hour (bundled, once a day), off', async () => {
    await call(app, t.cookies.reader, 'PUT', '/notifications/preferences', { preferences: [{ kind: 'saved_search_match', mode: 'digest' }] });
    await call(app, t.cookies.admin, 'PUT', '/notifications/preferences', { preferences: [{ kind: 'saved_search_match', mode: 'off' }] });
    const everyone = [t.userIds.reader, t.userIds.admin, t.userIds.coordinator];
    await say('saved_search_match', everyone, { search: 'Spielplätze', count: 2 });
    await say('saved_search_match', everyone, { search: 'Radwege', count: 1 });
    const before = smtp.received.length;
    expect(await run()).toMatchObject({ immediate: 2, digests: 0, sent: 2 });
    expect(mailsTo('coordinator').map((m) => m.header('subject'))).toEqual([
      'Gespeicherte Suche „Spielplätze“: 2 neue Fördermöglichkeiten',
      'Gespeicherte Suche „Radwege“: eine neue Fördermöglichkeit',
    ]);
    expect(mailsTo('reader')).toEqual([]);
    expect(mailsTo('admin')).toEqual([]);
    // the digest hour (07:00 Berlin) has come: one mail with both
    expect(await run({ now: AFTER_DIGEST })).toMatchObject({ digests: 1, sent: 1 });
    const [digest] = mailsTo('reader');
    expect(digest.header('subject')).toBe('Ihre tägliche Zusammenfassung: 2 Benachrichtigungen (Musterstadt)');
    expect(digest.text).toContain('- Gespeicherte Suche „Spielplätze“: 2 neue Fördermöglichkeiten.');
    expect(digest.text).toContain('- Gespeicherte Suche „Radwege“: eine neue Fördermöglichkeit.');
    expect(digest.header('list-unsubscribe')).toBe(`<${unsubscribeLink(digest.text)}>`);
    // later that day: a new one waits for tomorrow's digest
    await say('saved_search_match', [t.userIds.reader], { search: 'Plätze', count: 3 });
    expect(await run({ now: AFTER_DIGEST })).toMatchObject({ digests: 0, sent: 0 });
    expect(await run({ now: NEXT_DAY })).toMatchObject({ digests: 1, sent: 1 });
    expect(mailsTo('reader').map((m) => m.header('subject'))).toEqual([
      'Ihre tägliche Zusammenfassung: 2 Benachrichtigungen (Musterstadt)',
      'Ihre tägliche Zusammenfassung: eine Benachrichtigung (Musterstadt)',
    ]);
    expect(smtp.received.length - before).toBe(4);
    // in the app, everyone has them all (off is about e-mail only)
    expect(json(await call(app, t.cookies.admin, 'GET', '/notifications')).total).toBe(2);
  });

  it('unsubscribes with one click (POST, no sign-in) and through the confirmation page', async () => {
    const [mail] = mailsTo('department');
    const url = new URL(unsubscribeLink(mail.text));
    const path = `${url.pathname}${url.search}`;
    // GET only shows the page: link scanners change nothing
    const page = await app.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Möchten Sie keine E-Mails mehr zu „Federführung für eine Maßnahme übertragen“ erhalten?');
    expect(page.body).toContain(`<form method="post" action="${path}">`);
    expect(await mode(t.userIds.department, 'measure_lead_assigned')).toBeUndefined();
    // the mail client's one-click POST (RFC 8058)
    const post = await app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(post.statusCode).toBe(200);
    expect(post.body).toContain('Abbestellt');
    expect(await mode(t.userIds.department, 'measure_lead_assigned')).toBe('off');
    // nothing more by mail, still in the app
    await say('measure_lead_assigned', [t.userIds.department], { department: 'Stadtplanungsamt', number: 9, title: 'Markt' });
    const count = smtp.received.length;
    await run();
    expect(smtp.received.length).toBe(count);
    // the digest link switches the digest off, in English for an English page
    const [digest] = mailsTo('reader');
    const d = new URL(unsubscribeLink(digest.text));
    const en = await app.inject({ method: 'GET', url: `${d.pathname}${d.search}`, headers: { 'accept-language': 'en' } });
    expect(en.body).toContain('Do you want to stop receiving e-mails about “the daily digest”?');
    expect((await app.inject({ method: 'POST', url: `${d.pathname}${d.search}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' })).statusCode).toBe(200);
    expect(await mode(t.userIds.reader, 'saved_search_match')).toBe('off');
    // a token cannot be bent to another person
    const forged = d.search.replace(/token=([^.]+)/, (_, p: string) => `token=${Buffer.from(Buffer.from(p, 'base64url').toString().replace(t.userIds.reader, t.userIds.admin)).toString('base64url')}`);
    expect((await app.inject({ method: 'POST', url: `${d.pathname}${forged}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' })).statusCode).toBe(400);
  });
});

/** An SMTP server that refuses every message with 451 (try again later), or 550 (never). */
async function refusingSmtp(code: number) {
  let tries = 0;
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, _s, cb) {
      stream.resume();
      stream.on('end', () => {
        tries++;
        cb(Object.assign(new Error(code === 451 ? 'Bitte später erneut versuchen' : 'Postfach unbekannt'), { responseCode: code }));
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.server.address() as AddressInfo).port;
  return { mailer: createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'x <x@localhost>' })!, tries: () => tries, stop: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('delivery failures', () => {
  const due = () => app.db.query("UPDATE mail_outbox SET next_attempt_at = now() WHERE status = 'pending'");

  it('retries a refused mail with growing pauses, gives up after the last, and shows it to the admin to retry', async () => {
    await say('funding_deadline', [t.userIds.coordinator], { daysLeft: 3, date: '2027-03-04', dateDe: '04.03.2027', source: 'Stiftung', number: 1, title: 'Park' }, 'fail-1');
    const refusing = await refusingSmtp(451);
    try {
      expect(await run({}, refusing.mailer)).toMatchObject({ immediate: 1, sent: 0, retry: 1 });
      const [row] = await app.db.query<{ id: string; status: string; attempts: number; last_error: string; wait: number }>(
        "SELECT id, status, attempts, last_error, extract(epoch FROM next_attempt_at - now())::int AS wait FROM mail_outbox WHERE idempotency_key LIKE 'notification:%' AND status <> 'sent'",
      );
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(row.last_error).toContain('451');
      expect(row.wait).toBeGreaterThan(50);
      expect(row.wait).toBeLessThanOrEqual(60);
      // not due yet: nothing happens
      expect(await deliverDue(app.db, refusing.mailer, opts())).toEqual({ sent: 0, retry: 0, failed: 0 });
      const waits: number[] = [];
      for (let i = 2; i <= MAX_ATTEMPTS; i++) {
        await due();
        const r = await deliverDue(app.db, refusing.mailer, opts());
        const [x] = await app.db.query<{ wait: number }>('SELECT extract(epoch FROM next_attempt_at - now())::int AS wait FROM mail_outbox WHERE id = $1', [row.id]);
        waits.push(Math.round(x.wait / 60));
        expect(r).toEqual(i < MAX_ATTEMPTS ? { sent: 0, retry: 1, failed: 0 } : { sent: 0, retry: 0, failed: 1 });
      }
      expect(waits.slice(0, 3)).toEqual([5, 30, 120]);
      expect(refusing.tries()).toBe(MAX_ATTEMPTS);
    } finally {
      refusing.mailer.close();
      await refusing.stop();
    }
    const outbox = json(await call(app, t.cookies.admin, 'GET', '/admin/mail-outbox?status=failed'));
    expect(outbox.failed).toBe(1);
    expect(outbox.items[0]).toMatchObject({ recipient: emails.coordinator, status: 'failed', attempts: MAX_ATTEMPTS });
    expect(outbox.items[0].lastError).toContain('451');
    // the admin retries; the SMTP server is fine again
    expect((await call(app, t.cookies.admin, 'POST', `/admin/mail-outbox/${outbox.items[0].id}/retry`)).statusCode).toBe(204);
    const count = smtp.received.length;
    expect(await run()).toMatchObject({ sent: 1 });
    expect(smtp.received.length).toBe(count + 1);
    expect(mailsTo('coordinator').at(-1)!.header('subject')).toBe('Antragsfrist in 3 Tagen (04.03.2027): Stiftung – Maßnahme Nr. 1 „Park“');
  });

  it('gives up at once on a permanent refusal (550) and retries when the connection breaks', async () => {
    await say('funding_deadline', [t.userIds.coordinator], { daysLeft: 1, date: '2027-03-02', dateDe: '02.03.2027', source: 'Bund', number: 2, title: 'Platz' }, 'fail-2');
    const never = await refusingSmtp(550);
    try {
      expect(await run({}, never.mailer)).toMatchObject({ sent: 0, retry: 0, failed: 1 });
    } finally {
      never.mailer.close();
      await never.stop();
    }
    // a server that closes the connection at once
    const [closed] = await new Promise<AddressInfo[]>((resolve) => {
      const s = new SMTPServer({ logger: false });
      s.listen(0, '127.0.0.1', () => {
        const a = s.server.address() as AddressInfo;
        s.close(() => resolve([a]));
      });
    });
    const gone = createMailer({ smtpUrl: `smtp://127.0.0.1:${closed.port}`, mailFrom: 'x <x@localhost>' })!;
    await say('funding_deadline', [t.userIds.coordinator], { daysLeft: 1, date: '2027-03-02', dateDe: '02.03.2027', source: 'Land', number: 3, title: 'Weg' }, 'fail-3');
    expect(await run({}, gone)).toMatchObject({ sent: 0, retry: 1, failed: 0 });
    gone.close();
    await due();
    expect(await run()).toMatchObject({ sent: 1 });
  });

  it('never resends blindly a mail whose sending was interrupted (lease ran out): failed, for the admin to decide', async () => {
    await say('funding_deadline', [t.userIds.coordinator], { daysLeft: 1, date: '2027-03-02', dateDe: '02.03.2027', source: 'EU', number: 4, title: 'Ufer' }, 'crash');
    await enqueueImmediate(app.db, opts());
    // an instance claimed it and died mid-send
    await app.db.query("UPDATE mail_outbox SET status = 'sending', attempts = 1, lease_until = now() - interval '1 second' WHERE status = 'pending'");
    const count = smtp.received.length;
    expect(await deliverDue(app.db, mailer, opts())).toEqual({ sent: 0, retry: 0, failed: 0 });
    expect(smtp.received.length).toBe(count);
    const [row] = await app.db.query<{ status: string; last_error: string }>("SELECT status, last_error FROM mail_outbox WHERE last_error = $1", [UNKNOWN_OUTCOME]);
    expect(row.status).toBe('failed');
  });

  it('makes no mailer (and so no connection) without SMTP_URL', () => {
    expect(createMailer({ smtpUrl: undefined, mailFrom: 'x <x@localhost>' })).toBeNull();
  });

  it('runs the worker inside the app process when SMTP_URL is set', async () => {
    await app.db.query("UPDATE mail_outbox SET status = 'sent' WHERE status <> 'sent'");
    await say('funding_deadline', [t.userIds.coordinator], { daysLeft: 9, date: '2027-03-10', dateDe: '10.03.2027', source: 'Im Prozess', number: 5, title: 'Worker' }, 'in-process');
    const count = smtp.received.length;
    const withSmtp = await buildApp({ ...app.config, smtpUrl: `smtp://127.0.0.1:${smtp.port}`, publicUrl: BASE }, app.db, { logger: false });
    await withSmtp.ready();
    try {
      await expect.poll(() => smtp.received.length, { timeout: 10_000 }).toBe(count + 1);
      expect(readMessage(smtp.received.at(-1)!.raw).header('subject')).toContain('Im Prozess');
    } finally {
      await withSmtp.close();
    }
  });
});

describe('two workers on one database', () => {
  it('send every mail exactly once', async () => {
    // on PostgreSQL the second worker has its own connections, as a second app instance would
    const second = databaseUrl ? await openPostgres(databaseUrl, 3) : app.db;
    const smtpB = await startSmtp();
    const mailerB = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtpB.port}`, mailFrom: 'B <b@localhost>' })!;
    try {
      await app.db.query("UPDATE mail_outbox SET status = 'sent' WHERE status <> 'sent'");
      const before = smtp.received.length;
      const N = 40;
      await app.db.tx(async (tx) => {
        for (let i = 0; i < N; i++) {
          await notify(tx, { municipalityId: t.municipalityId, kind: 'funding_deadline', userIds: [t.userIds.coordinator], params: { daysLeft: 5, date: '2027-03-06', dateDe: '06.03.2027', source: `Quelle ${i}`, number: i, title: 'Parallel' }, eventKey: `parallel-${i}` });
        }
      });
      const o = opts({ batch: 7 });
      for (let round = 0; round < 20; round++) {
        const [a, b] = await Promise.all([runOutbox(app.db, mailer, o), runOutbox(second, mailerB, o)]);
        if (!a.immediate && !b.immediate && !a.sent && !b.sent) break;
      }
      const subjects = [...smtp.received.slice(before), ...smtpB.received].map((r) => readMessage(r.raw).header('subject'));
      expect(subjects).toHaveLength(N);
      expect(new Set(subjects).size).toBe(N);
      // with separate connections both really took part (on PGlite one connection serialises them)
      if (databaseUrl) expect(smtpB.received.length).toBeGreaterThan(0);
      const [{ n }] = await app.db.query<{ n: number }>("SELECT count(*)::int AS n FROM mail_outbox WHERE subject LIKE '%Parallel%' AND status = 'sent'");
      expect(n).toBe(N);
    } finally {
      mailerB.close();
      await smtpB.stop();
      if (second !== app.db) await second.close();
    }
  });
});
