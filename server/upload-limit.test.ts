import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, createTestApp, json, type Tenant } from './test/harness';
import { multipart } from './test/multipart';
import type { App } from './app';

/**
 * Issue 14: a file just over MAX_UPLOAD_MB must be refused whole (413 file_too_large, the limit named in the
 * message) and nothing stored — on every multipart route, over a real socket as a browser sends it and by inject.
 */
let app: App;
let close: () => Promise<void>;
let port: number;
let t: Tenant;
let measureId: string;
let joinCode: string;
let briefId: string;
let guest: string;

beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app, 'Grenzstadt');
  measureId = json(await call(app, t.cookies.coordinator, 'POST', '/measures', { title: 'Spielplatz am Anger' })).id;
  const w = json(await call(app, t.cookies.coordinator, 'POST', '/workshops', { title: 'Bürgerwerkstatt', kind: 'citizens', startsOn: '2026-06-22', endsOn: '2026-06-22' }));
  joinCode = w.joinCode;
  const joined = await app.inject({ method: 'POST', url: `/api/v1/join/${joinCode}`, payload: { name: 'Gast' } });
  guest = `rf_device=${joined.cookies.find((c) => c.name === 'rf_device')!.value}`;
  briefId = (await app.inject({ method: 'POST', url: `/api/v1/join/${joinCode}/briefs`, headers: { cookie: guest }, payload: { title: 'Trinkbrunnen' } })).json().id;
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
});
afterAll(() => close());

/**
 * Posts a multipart body over a real socket in two writes, split where the file's bytes reach `cutAt` — as a slow
 * network delivers it. The old code returned 201 with the file cut to the limit when the limit fell on such a
 * boundary: the parser marks the file truncated only after the last chunk was already read.
 */
function post(url: string, cookie: string, body: { payload: Buffer; headers: Record<string, string> }, fileStart: number, cutAt: number) {
  const head = `POST ${url} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\nContent-Type: ${body.headers['content-type']}\r\nContent-Length: ${body.payload.length}\r\nConnection: close\r\n\r\n`;
  return new Promise<{ status: number; body: any }>((resolve, reject) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(head);
      socket.write(body.payload.subarray(0, fileStart + cutAt));
      // no half-close: Node's server would take the client's FIN for an aborted request; it closes after answering
      setTimeout(() => socket.write(body.payload.subarray(fileStart + cutAt)), 150);
    });
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString();
      const status = Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1]);
      const json = text.slice(text.indexOf('\r\n\r\n') + 4);
      resolve({ status, body: JSON.parse(json.startsWith('{') ? json : json.slice(json.indexOf('{'), json.lastIndexOf('}') + 1)) });
    });
  });
}

/** A CSV import list larger than the limit: a header and enough rows to pass it by a quarter. */
function bigCsv(bytes: number) {
  const row = `Maßnahme ${randomUUID()};Beschreibung ${'x'.repeat(200)}\n`;
  return Buffer.from(`Titel;Beschreibung\n${row.repeat(Math.ceil(bytes / Buffer.byteLength(row)))}`);
}

const counts = async () => {
  const [r] = await app.db.query<{ a: number; m: number; p: number }>(
    `SELECT (SELECT count(*) FROM attachment)::int AS a, (SELECT count(*) FROM measure)::int AS m, (SELECT count(*) FROM funding_programme)::int AS p`,
  );
  return r;
};

const routes = () => [
  { name: 'attachment of a measure', url: `/api/v1/measures/${measureId}/attachments`, cookie: () => t.cookies.coordinator, file: 'Foto.png', type: 'image/png' },
  { name: 'photo of a workshop brief', url: `/api/v1/join/${joinCode}/briefs/${briefId}/photos`, cookie: () => guest, file: 'Flipchart.jpg', type: 'image/jpeg' },
  { name: 'measure import preview', url: '/api/v1/measures/import/preview', cookie: () => t.cookies.coordinator, file: 'liste.csv', type: 'text/csv' },
  { name: 'measure import', url: '/api/v1/measures/import', cookie: () => t.cookies.coordinator, file: 'liste.csv', type: 'text/csv' },
  { name: 'programme import preview', url: '/api/v1/funding-programmes/import/preview', cookie: () => t.cookies.admin, file: 'programme.csv', type: 'text/csv' },
  { name: 'programme import', url: '/api/v1/funding-programmes/import', cookie: () => t.cookies.admin, file: 'programme.csv', type: 'text/csv' },
];

describe('uploads over MAX_UPLOAD_MB', () => {
  for (const factor of [1.5, 1.01]) {
    it(`are refused with 413 file_too_large on every multipart route and store nothing (${factor} × the limit)`, async () => {
      const before = await counts();
      const limit = app.config.maxUploadBytes;
      const data = bigCsv(limit * factor);
      expect(data.length).toBeGreaterThan(limit);
      for (const r of routes()) {
        const body = multipart([{ name: 'file', filename: r.file, contentType: r.type, data }]);
        const fileStart = body.payload.indexOf(data.subarray(0, 64));
        // the network delivers the file up to exactly the limit first, then the rest; and once more split elsewhere
        for (const cutAt of [limit, Math.floor(limit / 3)]) {
          const res = await post(r.url, r.cookie(), body, fileStart, cutAt);
          expect([r.name, cutAt, res.status, res.body.error?.code]).toEqual([r.name, cutAt, 413, 'file_too_large']);
          expect(res.body.error.message).toMatch(/1 MB/);
        }
        const injected = await app.inject({ method: 'POST', url: r.url, headers: { ...body.headers, cookie: r.cookie() }, payload: body.payload });
        expect([r.name, injected.statusCode, injected.json().error?.code]).toEqual([r.name, 413, 'file_too_large']);
      }
      expect(await counts()).toEqual(before);
    });
  }

  it('a file of exactly the limit is still taken whole', async () => {
    const data = Buffer.alloc(app.config.maxUploadBytes, 0x42);
    const body = multipart([{ name: 'file', filename: 'genau.png', contentType: 'image/png', data }]);
    const res = await post(`/api/v1/measures/${measureId}/attachments`, t.cookies.coordinator, body, body.payload.indexOf(data.subarray(0, 64)), data.length - 1000);
    expect(res.status).toBe(201);
    expect(res.body.sizeBytes).toBe(data.length);
  });
});
