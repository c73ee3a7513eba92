import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import { multipart } from '../../test/multipart';
import { encodePng } from './protocol/partheland.fixture';
import type { App } from '../../app';

let app: App;
let close: () => Promise<void>;
let t: Tenant;
beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app, 'Merseburg');
});
afterAll(() => close());

describe('workshop protocol and QR code', () => {
  it('renders the protocol with participants, briefs, the round and its Top N, and the flip-chart photo', async () => {
    const w = json(await call(app, t.cookies.coordinator, 'POST', '/workshops', { title: 'Führungskräfteworkshop Süd', kind: 'leadership', startsOn: '2026-06-22', endsOn: '2026-06-23', groups: [{ name: 'Gruppe Südstadt' }] }));
    let cookie = '';
    const joined = await app.inject({ method: 'POST', url: `/api/v1/join/${w.joinCode}`, payload: { name: 'Jörg Müßig', groupId: w.groups[0].id } });
    cookie = `rf_device=${joined.cookies.find((c) => c.name === 'rf_device')!.value}`;
    const brief = async (title: string) => (await app.inject({ method: 'POST', url: `/api/v1/join/${w.joinCode}/briefs`, headers: { cookie }, payload: { title } })).json();
    const a = await brief('Grünes Klassenzimmer');
    await brief('Sanierung Sporthalle');
    const png = encodePng(40, 30, (x) => [200, x * 5, 60]);
    const body = multipart([{ name: 'file', filename: 'flipchart.png', contentType: 'image/png', data: png }]);
    const photo = await app.inject({ method: 'POST', url: `/api/v1/join/${w.joinCode}/briefs/${a.id}/photos`, headers: { cookie, ...body.headers }, payload: body.payload });
    expect(photo.statusCode).toBe(201);
    const r = json(await call(app, t.cookies.coordinator, 'POST', `/workshops/${w.id}/rounds`, { title: 'Priorisierung', subject: 'measures', rules: { topN: 1 } }));
    await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/open`);
    await app.inject({ method: 'POST', url: `/api/v1/rounds/${r.id}/dots`, headers: { cookie }, payload: { itemId: r.items[0].id, dotId: randomUUID() } });
    await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/close`);

    const pdf = await call(app, t.cookies.reader, 'GET', `/workshops/${w.id}/protocol.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    if (existsSync('/usr/bin/pdftotext')) {
      const dir = mkdtempSync(join(tmpdir(), 'rf-protocol-'));
      writeFileSync(join(dir, 'p.pdf'), pdf.rawPayload);
      const text = execFileSync('pdftotext', [join(dir, 'p.pdf'), '-']).toString();
      for (const s of ['Führungskräfteworkshop Süd', 'Jörg Müßig', 'Grünes Klassenzimmer', 'Priorisierung', 'Fotoprotokoll']) expect(text).toContain(s);
    }
    const docx = await call(app, t.cookies.reader, 'GET', `/workshops/${w.id}/protocol.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(docx.headers['content-disposition']).toContain('.docx');

    // a shared rank reads "1 (gleichauf)" (English "1 (tied)"), never "1=": a second round with one dot on each brief
    const tie = json(await call(app, t.cookies.coordinator, 'POST', `/workshops/${w.id}/rounds`, { title: 'Zweite Runde', subject: 'measures', rules: { topN: 1 } }));
    await call(app, t.cookies.coordinator, 'POST', `/rounds/${tie.id}/open`);
    for (const item of tie.items) await app.inject({ method: 'POST', url: `/api/v1/rounds/${tie.id}/dots`, headers: { cookie }, payload: { itemId: item.id, dotId: randomUUID() } });
    await call(app, t.cookies.coordinator, 'POST', `/rounds/${tie.id}/close`);
    const results = json(await call(app, t.cookies.coordinator, 'GET', `/rounds/${tie.id}/results`));
    expect(results.rows.map((x: { rankLabel: string; tied: boolean }) => [x.rankLabel, x.tied])).toEqual([['1 (gleichauf)', true], ['1 (gleichauf)', true]]);
    if (existsSync('/usr/bin/pdftotext')) {
      for (const [lang, label] of [['de', '1 (gleichauf)'], ['en', '1 (tied)']]) {
        const dir = mkdtempSync(join(tmpdir(), 'rf-protocol-'));
        writeFileSync(join(dir, 'p.pdf'), (await call(app, t.cookies.reader, 'GET', `/workshops/${w.id}/protocol.pdf?lang=${lang}`)).rawPayload);
        const text = execFileSync('pdftotext', ['-layout', join(dir, 'p.pdf'), '-']).toString();
        expect(text).toContain(label);
        expect(text).not.toMatch(/\b1=/);
      }
    }

    const qr = await call(app, t.cookies.reader, 'GET', `/workshops/${w.id}/qr.svg`);
    expect(qr.headers['content-type']).toBe('image/svg+xml');
    expect(qr.body).toMatch(/^<svg/);
    expect((await call(app, null, 'GET', `/workshops/${w.id}/protocol.pdf`)).statusCode).toBe(401);
    const other = await createTenant(app);
    expect((await call(app, other.cookies.admin, 'GET', `/workshops/${w.id}/protocol.pdf`)).statusCode).toBe(404);
  });
});
