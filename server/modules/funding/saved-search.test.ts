import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';
import { createMailer, type Mailer } from '../notifications/mailer';
import { runOutbox } from '../notifications/outbox';
import { readMessage, startSmtp, type Received } from './test-smtp';

let app: App;
let close: () => Promise<void>;
let t: Tenant;
let other: Tenant;
let smtp: { port: number; received: Received[]; stop: () => Promise<void> };
let mailer: Mailer;
let districtId: string;
let parkId: string;
let schoolId: string;

beforeAll(async () => {
  smtp = await startSmtp();
  mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: 'Roter Faden <foerderung@musterstadt.example>' })!;
  ({ app, close } = await createTestApp());
  t = await createTenant(app, 'Suchstadt');
  other = await createTenant(app, 'Fremdstadt');
  districtId = json(await call(app, t.cookies.coordinator, 'POST', '/districts', { name: 'Weststadt', designatedArea: true })).id;
  parkId = json(await call(app, t.cookies.coordinator, 'POST', '/measures', { title: 'Stadtpark West: Spielplatz erneuern', tags: ['Spielplatz'], districtIds: [districtId], costCents: 30000000, plannedStart: '2030-06-01' })).id;
  schoolId = json(await call(app, t.cookies.coordinator, 'POST', '/measures', { title: 'Schulhof entsiegeln', tags: ['Spielplatz'], costCents: 20000000, plannedStart: '2030-06-01' })).id;
});
afterAll(async () => {
  mailer.close();
  await close();
  await smtp.stop();
});

/** the outbox worker's pass (SMTP configured): the owners' notifications become e-mails */
const send = (m: Mailer = mailer) =>
  runOutbox(app.db, m, { secret: app.config.sessionSecret, baseUrl: 'https://isek.suchstadt.example', digestHour: 7, now: new Date('2030-01-01T03:00:00Z') });

const programme = (over: Record<string, unknown> = {}) => ({
  name: 'Landesprogramm Spielräume', provider: 'Land', level: 'state', kind: 'grant', rateText: 'bis 60 %', ratePercent: 60, rateWeakPercent: null,
  minAmountCents: null, maxAmountCents: null, applicants: ['municipality'], topics: ['Spielplatz'], requiresDesignatedArea: false, climateRequirement: false,
  windows: [], requiredDocuments: '', description: '', sourceUrl: '', lastChecked: null, ...over,
});
type Hit = { measureId: string; programmeName: string; isNew: boolean; changeKind: string };

describe('saved searches', () => {
  it('are for coordinators and admins, each sees only their own; bad input 400, stale version 409', async () => {
    const body = { name: 'Spielplätze Weststadt', measureFilter: { district: [districtId] }, programmeFilter: { level: ['state'], topic: 'spiel' }, notifyEmail: true };
    for (const role of ['department', 'reader'] as const) expect((await call(app, t.cookies[role], 'POST', '/saved-searches', body)).statusCode).toBe(403);
    expect((await call(app, null, 'GET', '/saved-searches')).statusCode).toBe(401);
    const res = await call(app, t.cookies.coordinator, 'POST', '/saved-searches', body);
    expect(res.statusCode).toBe(201);
    const s = json(res);
    expect(s).toMatchObject({ name: 'Spielplätze Weststadt', notifyEmail: true, newCount: 0, version: 1, measureFilter: { district: [districtId], status: [], priority: [] } });
    expect((await call(app, t.cookies.coordinator, 'POST', '/saved-searches', body)).statusCode).toBe(409);
    expect((await call(app, t.cookies.coordinator, 'POST', '/saved-searches', { ...body, name: '' })).statusCode).toBe(400);
    expect((await call(app, t.cookies.coordinator, 'POST', '/saved-searches', { ...body, name: 'X', measureFilter: { priority: ['Z'] } })).statusCode).toBe(400);
    const foreignDistrict = json(await call(app, other.cookies.coordinator, 'POST', '/districts', { name: 'Fremd' })).id;
    expect((await call(app, t.cookies.coordinator, 'POST', '/saved-searches', { ...body, name: 'Y', measureFilter: { district: [foreignDistrict] } })).statusCode).toBe(400);
    // the admin and the other municipality do not see the coordinator's search
    expect(json(await call(app, t.cookies.admin, 'GET', '/saved-searches'))).toEqual([]);
    expect((await call(app, t.cookies.admin, 'GET', `/saved-searches/${s.id}`)).statusCode).toBe(404);
    expect((await call(app, other.cookies.coordinator, 'GET', `/saved-searches/${s.id}/hits`)).statusCode).toBe(404);
    const renamed = await call(app, t.cookies.coordinator, 'PATCH', `/saved-searches/${s.id}`, { version: 1, name: 'Spielplätze im Westen' });
    expect(json(renamed)).toMatchObject({ name: 'Spielplätze im Westen', version: 2 });
    expect((await call(app, t.cookies.coordinator, 'PATCH', `/saved-searches/${s.id}`, { version: 1, notifyEmail: false })).statusCode).toBe(409);
    expect((await call(app, t.cookies.coordinator, 'DELETE', `/saved-searches/${s.id}?version=1`)).statusCode).toBe(409);
    const temp = json(await call(app, t.cookies.admin, 'POST', '/saved-searches', { name: 'Wegwerfen' }));
    expect((await call(app, t.cookies.admin, 'DELETE', `/saved-searches/${temp.id}?version=1`)).statusCode).toBe(204);
    expect((await call(app, t.cookies.admin, 'GET', `/saved-searches/${temp.id}`)).statusCode).toBe(404);
  });

  it('report new fits when a programme is created, a window is added, or a programme is imported — each pair once — and mail the owner once', async () => {
    const [search] = json(await call(app, t.cookies.coordinator, 'GET', '/saved-searches'));
    const hits = async () => json<Hit[]>(await call(app, t.cookies.coordinator, 'GET', `/saved-searches/${search.id}/hits`));

    // a new state programme on playgrounds: fits the park in Weststadt (in the search), not the school (other district)
    const created = json(await call(app, t.cookies.admin, 'POST', '/funding-programmes', programme()));
    let h = await hits();
    expect(h.map((x) => [x.measureId, x.programmeName, x.isNew, x.changeKind])).toEqual([[parkId, 'Landesprogramm Spielräume', true, 'create']]);
    expect(json(await call(app, t.cookies.coordinator, 'GET', '/saved-searches/unseen'))).toEqual({ count: 1 });

    // editing that programme's description is no news: the pair fitted before
    await call(app, t.cookies.admin, 'PATCH', `/funding-programmes/${created.id}`, { version: 1, description: 'Spielräume für Kinder' });
    expect(await hits()).toHaveLength(1);

    // a federal programme does not pass the search's programme filter (level: state)
    await call(app, t.cookies.admin, 'POST', '/funding-programmes', programme({ name: 'Bundesprogramm Spielplätze', level: 'federal' }));
    expect(await hits()).toHaveLength(1);

    // a programme whose only window has closed does not fit; adding a new window makes it fit → news
    const closed = json(await call(app, t.cookies.admin, 'POST', '/funding-programmes', programme({ name: 'Spielplatzoffensive Land', windows: [{ opensOn: '2020-01-01', closesOn: '2020-03-31', note: '' }] })));
    expect(await hits()).toHaveLength(1);
    await call(app, t.cookies.admin, 'PATCH', `/funding-programmes/${closed.id}`, {
      version: 1, windows: [{ opensOn: '2020-01-01', closesOn: '2020-03-31', note: '' }, { opensOn: '2029-01-01', closesOn: '2029-03-31', note: 'Aufruf 2029' }],
    });
    h = await hits();
    expect(h.filter((x) => x.programmeName === 'Spielplatzoffensive Land').map((x) => [x.measureId, x.changeKind])).toEqual([[parkId, 'update']]);

    // the owner looks: nothing new any more
    expect(json(await call(app, t.cookies.coordinator, 'POST', `/saved-searches/${search.id}/seen`))).toEqual({ marked: 2 });
    expect((await hits()).every((x) => !x.isNew)).toBe(true);
    expect(json(await call(app, t.cookies.coordinator, 'GET', '/saved-searches'))[0]).toMatchObject({ newCount: 0, totalCount: 2 });

    // one e-mail per saved search and change, to the owner, with the fits; never twice
    expect(await send()).toMatchObject({ immediate: 2, sent: 2, failed: 0 });
    expect(await send()).toMatchObject({ immediate: 0, sent: 0 });
    const [{ email }] = await app.db.query<{ email: string }>('SELECT email FROM app_user WHERE id = $1', [t.userIds.coordinator]);
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received.every((m) => m.rcptTo.length === 1 && m.rcptTo[0] === email.toLowerCase())).toBe(true);
    const messages = smtp.received.map((m) => readMessage(m.raw));
    const createdMail = messages.find((m) => /Landesprogramm Spielräume/.test(m.text))!;
    expect(createdMail.subject).toBe('Gespeicherte Suche „Spielplätze im Westen“: 1 neue Fördermöglichkeit');
    expect(createdMail.text).toContain('durch ein neues Förderprogramm');
    expect(createdMail.text).toContain('- Landesprogramm Spielräume → Maßnahme Nr. ');
    expect(createdMail.text).toContain('„Stadtpark West: Spielplatz erneuern“');
    expect(createdMail.text).not.toContain('Schulhof');
    expect(createdMail.text).toContain(`Zur gespeicherten Suche: https://isek.suchstadt.example/funding/saved-searches/${search.id}`);
    expect(createdMail.html).toContain('<strong>Landesprogramm Spielräume</strong>');
    expect(createdMail.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    // and in the app
    const inApp = json(await call(app, t.cookies.coordinator, 'GET', '/notifications')).items.filter((n: { kind: string }) => n.kind === 'saved_search_match');
    expect(inApp).toHaveLength(2);
    expect(inApp.map((n: { link: string }) => n.link)).toEqual([`/funding/saved-searches/${search.id}`, `/funding/saved-searches/${search.id}`]);
    const updatedMail = messages.find((m) => /Spielplatzoffensive Land/.test(m.text))!;
    expect(updatedMail.text).toContain('durch eine Änderung an einem Förderprogramm');

    // a search without notification gets hits but no mail; an import is a change too
    const quiet = json(await call(app, t.cookies.admin, 'POST', '/saved-searches', { name: 'Alles', notifyEmail: false }));
    const csv = '\uFEFFName;Ebene;Art;Förderthemen\r\nSpielplatzfonds;Sonstige;Zuschuss;Spielplatz\r\n';
    const boundary = 'x-boundary';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="neu.csv"\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const imported = await app.inject({ method: 'POST', url: '/api/v1/funding-programmes/import', headers: { cookie: t.cookies.admin, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(json(imported)).toMatchObject({ created: 1 });
    const quietHits = json<Hit[]>(await call(app, t.cookies.admin, 'GET', `/saved-searches/${quiet.id}/hits`));
    expect(quietHits.map((x) => x.measureId).sort()).toEqual([parkId, schoolId].sort());
    expect(quietHits.every((x) => x.changeKind === 'import' && x.isNew)).toBe(true);
    // the coordinator's search: the park again, with the new programme (level "other" is outside its filter → nothing)
    expect(await hits()).toHaveLength(2);
    expect(await send()).toMatchObject({ immediate: 0, sent: 0 });
    expect(smtp.received).toHaveLength(2);
  });

  it('retries through the outbox when sending fails, so the mail goes out later', async () => {
    const s = json(await call(app, t.cookies.coordinator, 'POST', '/saved-searches', { name: 'Alle Landesprogramme', programmeFilter: { level: ['state'] }, notifyEmail: true }));
    await call(app, t.cookies.admin, 'POST', '/funding-programmes', programme({ name: 'Landesprogramm Bewegung', topics: ['Spielplatz', 'Bewegung'] }));
    const broken: Mailer = { send: async () => { throw new Error('SMTP down'); }, close: () => undefined };
    // both of the coordinator's searches watch state programmes on playgrounds (the new one both measures, the old one only
    // the park in Weststadt): two mails, both fail
    expect(await send(broken)).toMatchObject({ sent: 0, retry: 2 });
    const before = smtp.received.length;
    await app.db.query("UPDATE mail_outbox SET next_attempt_at = now() WHERE status = 'pending'");
    expect(await send()).toMatchObject({ sent: 2, retry: 0 });
    expect(smtp.received.length).toBe(before + 2);
    const subjects = smtp.received.slice(before).map((m) => readMessage(m.raw).subject).sort();
    expect(subjects).toEqual(['Gespeicherte Suche „Alle Landesprogramme“: 2 neue Fördermöglichkeiten', 'Gespeicherte Suche „Spielplätze im Westen“: 1 neue Fördermöglichkeit']);
    expect(s.id).toBeTruthy();
  });
});

describe('saved searches and where a programme funds', () => {
  it('an edit of the settlement types alone can create a fit, and is evaluated', async () => {
    const [search] = json(await call(app, t.cookies.coordinator, 'GET', '/saved-searches'));
    const hitsFor = async (name: string) =>
      json<Hit[]>(await call(app, t.cookies.coordinator, 'GET', `/saved-searches/${search.id}/hits`)).filter((x) => x.programmeName === name);
    const name = 'Landprogramm Spielflächen';
    // only for rural areas: Suchstadt is a town, so no fit yet
    const p = json(await call(app, t.cookies.admin, 'POST', '/funding-programmes', programme({ name, settlementTypes: ['rural'] })));
    expect(p).toMatchObject({ settlementTypes: ['rural'], areaKinds: [], typicalMinCents: null, typicalMaxCents: null });
    expect(await hitsFor(name)).toEqual([]);
    // the programme is opened to towns: the park in Weststadt fits now
    expect((await call(app, t.cookies.admin, 'PATCH', `/funding-programmes/${p.id}`, { version: p.version, settlementTypes: [] })).statusCode).toBe(200);
    const hits = await hitsFor(name);
    expect(hits.map((x) => x.measureId)).toContain(parkId);
    expect(new Set(hits.map((x) => x.changeKind))).toEqual(new Set(['update']));
  });
});
