import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';

let app: App;
let close: () => Promise<void>;
let t: Tenant;
let other: Tenant;
beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app, 'Musterstadt');
  other = await createTenant(app, 'Nachbarstadt');
});
afterAll(() => close());

// A real 1×1 PNG and a minimal PDF.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG_NAME = 'Flipchart Ständehaus.png';

interface Part { name: string; filename?: string; contentType?: string; data: Buffer | string }

/** A multipart/form-data body as a browser sends it: the file name as raw UTF-8 in the header. */
function multipart(parts: Part[]) {
  const boundary = `----RoterFaden${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) head += `; filename="${p.filename}"`;
    head += '\r\n';
    if (p.contentType) head += `Content-Type: ${p.contentType}\r\n`;
    chunks.push(Buffer.from(`${head}\r\n`, 'utf8'), Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, 'utf8'), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

function upload(cookie: string | null, measureId: string, parts: Part[]) {
  const body = multipart(parts);
  return app.inject({
    method: 'POST',
    url: `/api/v1/measures/${measureId}/attachments`,
    headers: { 'content-type': body.contentType, ...(cookie ? { cookie } : {}) },
    payload: body.payload,
  });
}
const file = (filename: string, contentType: string, data: Buffer | string): Part[] => [{ name: 'file', filename, contentType, data }];

async function measure(tenant: Tenant, extra: Record<string, unknown> = {}) {
  const res = await call(app, tenant.cookies.coordinator, 'POST', '/measures', { title: `Maßnahme ${randomBytes(3).toString('hex')}`, ...extra });
  expect(res.statusCode).toBe(201);
  return json(res) as { id: string; version: number };
}
const attachmentsOf = async (tenant: Tenant, measureId: string) =>
  json(await call(app, tenant.cookies.reader, 'GET', `/measures/${measureId}`)).attachments as { id: string; filename: string; mimeType: string; sizeBytes: number }[];

describe('attachments: upload and download', () => {
  it('stores a PNG and a PDF (201) and returns the same bytes, type and UTF-8 file name', async () => {
    const m = await measure(t);
    const png = await upload(t.cookies.coordinator, m.id, file(PNG_NAME, 'image/png', PNG));
    expect(png.statusCode, png.body).toBe(201);
    expect(json(png)).toEqual({ id: expect.any(String), filename: PNG_NAME, mimeType: 'image/png', sizeBytes: PNG.length, createdAt: expect.any(String) });
    const pdf = await upload(t.cookies.coordinator, m.id, file('Protokoll Bürgerforum.pdf', 'application/pdf', PDF));
    expect(pdf.statusCode, pdf.body).toBe(201);

    const list = await attachmentsOf(t, m.id);
    expect(list.map((a) => a.filename)).toEqual([PNG_NAME, 'Protokoll Bürgerforum.pdf']);
    expect(list[0]).toEqual(json(png));

    // every member may download, including readers
    const got = await call(app, t.cookies.reader, 'GET', `/measures/${m.id}/attachments/${json(png).id}`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PNG)).toBe(true);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['content-disposition']).toBe(`inline; filename="Flipchart Standehaus.png"; filename*=UTF-8''${encodeURIComponent(PNG_NAME)}`);
    expect(got.headers['content-disposition']).toContain('Flipchart%20St%C3%A4ndehaus.png');
    expect(got.headers['x-content-type-options']).toBe('nosniff');

    const gotPdf = await call(app, t.cookies.department, 'GET', `/measures/${m.id}/attachments/${json(pdf).id}`);
    expect(gotPdf.statusCode).toBe(200);
    expect(gotPdf.rawPayload.equals(PDF)).toBe(true);
    expect(gotPdf.headers['content-type']).toBe('application/pdf');
    expect(gotPdf.headers['content-disposition']).toBe(`inline; filename="Protokoll Burgerforum.pdf"; filename*=UTF-8''${encodeURIComponent('Protokoll Bürgerforum.pdf')}`);
  });

  it('keeps binary content byte for byte (all 256 byte values, CRLF and boundary-like bytes)', async () => {
    const m = await measure(t);
    const bytes = Buffer.concat([Buffer.from([...Array(256).keys()]), Buffer.from('\r\n--\r\n'), randomBytes(50_000)]);
    const res = await upload(t.cookies.admin, m.id, file('scan.jpg', 'image/jpeg', bytes));
    expect(res.statusCode).toBe(201);
    expect(json(res).sizeBytes).toBe(bytes.length);
    const got = await call(app, t.cookies.reader, 'GET', `/measures/${m.id}/attachments/${json(res).id}`);
    expect(got.rawPayload.equals(bytes)).toBe(true);
  });

  it('refuses types a browser could run (HTML, SVG) with 415 and stores nothing', async () => {
    const m = await measure(t);
    for (const [name, type, data] of [
      ['seite.html', 'text/html', '<script>alert(1)</script>'],
      ['logo.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
      ['skript.js', 'application/javascript', 'alert(1)'],
    ]) {
      const res = await upload(t.cookies.coordinator, m.id, file(name, type, data));
      expect(res.statusCode, type).toBe(415);
    }
    expect(await attachmentsOf(t, m.id)).toEqual([]);
  });

  it('refuses a file over the upload limit with 413 file_too_large and stores nothing', async () => {
    const m = await measure(t);
    const big = Buffer.alloc(app.config.maxUploadBytes + 100_000, 0x42);
    const res = await upload(t.cookies.coordinator, m.id, file('grosses Foto.png', 'image/png', big));
    expect(res.statusCode).toBe(413);
    expect(json(res).error.code).toBe('file_too_large');
    expect(await attachmentsOf(t, m.id)).toEqual([]);
    // just under the limit is fine
    const ok = await upload(t.cookies.coordinator, m.id, file('passt.png', 'image/png', Buffer.alloc(app.config.maxUploadBytes - 1024, 0x42)));
    expect(ok.statusCode).toBe(201);
  });

  it('refuses a request without a file (or an empty one) with 400 validation_failed', async () => {
    const m = await measure(t);
    const onlyField = await upload(t.cookies.coordinator, m.id, [{ name: 'note', data: 'keine Datei' }]);
    expect(onlyField.statusCode).toBe(400);
    expect(json(onlyField).error.code).toBe('validation_failed');
    const empty = await upload(t.cookies.coordinator, m.id, file('leer.png', 'image/png', Buffer.alloc(0)));
    expect(empty.statusCode).toBe(400);
    expect(json(empty).error.code).toBe('validation_failed');
    const notMultipart = await call(app, t.cookies.coordinator, 'POST', `/measures/${m.id}/attachments`, { file: 'x' });
    expect(notMultipart.statusCode).toBe(400);
    expect(await attachmentsOf(t, m.id)).toEqual([]);
  });
});

describe('attachments: delete and audit', () => {
  it('deletes (204), then the file is gone (404); the audit trail shows both changes', async () => {
    const m = await measure(t);
    const a = json(await upload(t.cookies.coordinator, m.id, file(PNG_NAME, 'image/png', PNG)));
    const url = `/measures/${m.id}/attachments/${a.id}`;
    const del = await call(app, t.cookies.admin, 'DELETE', url);
    expect(del.statusCode).toBe(204);
    expect((await call(app, t.cookies.reader, 'GET', url)).statusCode).toBe(404);
    expect((await call(app, t.cookies.admin, 'DELETE', url)).statusCode).toBe(404);
    expect(await attachmentsOf(t, m.id)).toEqual([]);

    const audit = json(await call(app, t.cookies.reader, 'GET', `/measures/${m.id}/audit`));
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['update', 'update', 'create']);
    expect(audit[0]).toMatchObject({ actorName: 'admin user', entityType: 'measure', entityId: m.id, changes: { attachment: [PNG_NAME, null] } });
    expect(audit[1]).toMatchObject({ actorName: 'coordinator user', changes: { attachment: [null, PNG_NAME] } });
  });
});

describe('attachments: roles and tenants', () => {
  it('readers may download but get 403 on upload and delete', async () => {
    const m = await measure(t);
    const a = json(await upload(t.cookies.coordinator, m.id, file(PNG_NAME, 'image/png', PNG)));
    const up = await upload(t.cookies.reader, m.id, file('leser.png', 'image/png', PNG));
    expect(up.statusCode).toBe(403);
    expect(json(up).error.code).toBe('forbidden');
    expect((await call(app, t.cookies.reader, 'DELETE', `/measures/${m.id}/attachments/${a.id}`)).statusCode).toBe(403);
    expect((await attachmentsOf(t, m.id)).map((x) => x.id)).toEqual([a.id]);
  });

  it("department members edit attachments of their department's measures only", async () => {
    const own = await measure(t, { leadDepartmentId: t.departmentIds[0] });
    const foreign = await measure(t, { leadDepartmentId: t.departmentIds[1] });
    const ownUpload = await upload(t.cookies.department, own.id, file(PNG_NAME, 'image/png', PNG));
    expect(ownUpload.statusCode).toBe(201);
    expect((await call(app, t.cookies.department, 'DELETE', `/measures/${own.id}/attachments/${json(ownUpload).id}`)).statusCode).toBe(204);

    const up = await upload(t.cookies.department, foreign.id, file(PNG_NAME, 'image/png', PNG));
    expect(up.statusCode).toBe(403);
    const a = json(await upload(t.cookies.coordinator, foreign.id, file(PNG_NAME, 'image/png', PNG)));
    expect((await call(app, t.cookies.department, 'DELETE', `/measures/${foreign.id}/attachments/${a.id}`)).statusCode).toBe(403);
    // reading is still fine
    expect((await call(app, t.cookies.department, 'GET', `/measures/${foreign.id}/attachments/${a.id}`)).statusCode).toBe(200);
    expect((await attachmentsOf(t, foreign.id)).map((x) => x.id)).toEqual([a.id]);
  });

  it("answers 404 for another municipality's measure or attachment on all three routes", async () => {
    const foreign = await measure(other);
    const a = json(await upload(other.cookies.coordinator, foreign.id, file(PNG_NAME, 'image/png', PNG)));
    const c = t.cookies.admin;
    const up = await upload(c, foreign.id, file('eingeschleust.png', 'image/png', PNG));
    expect(up.statusCode).toBe(404);
    expect(json(up).error.code).toBe('not_found');
    expect((await call(app, c, 'GET', `/measures/${foreign.id}/attachments/${a.id}`)).statusCode).toBe(404);
    expect((await call(app, c, 'DELETE', `/measures/${foreign.id}/attachments/${a.id}`)).statusCode).toBe(404);
    // nor through one of our own measures
    const own = await measure(t);
    expect((await call(app, c, 'GET', `/measures/${own.id}/attachments/${a.id}`)).statusCode).toBe(404);
    expect((await call(app, c, 'DELETE', `/measures/${own.id}/attachments/${a.id}`)).statusCode).toBe(404);
    expect((await call(app, c, 'GET', `/measures/${own.id}/attachments/${randomUUID()}`)).statusCode).toBe(404);

    expect((await attachmentsOf(other, foreign.id)).map((x) => x.filename)).toEqual([PNG_NAME]);
    const theirs = await call(app, other.cookies.reader, 'GET', `/measures/${foreign.id}/attachments/${a.id}`);
    expect(theirs.rawPayload.equals(PNG)).toBe(true);
  });

  it('answers 401 without a session on all three routes', async () => {
    const m = await measure(t);
    const a = json(await upload(t.cookies.coordinator, m.id, file(PNG_NAME, 'image/png', PNG)));
    expect((await upload(null, m.id, file(PNG_NAME, 'image/png', PNG))).statusCode).toBe(401);
    expect((await call(app, null, 'GET', `/measures/${m.id}/attachments/${a.id}`)).statusCode).toBe(401);
    expect((await call(app, null, 'DELETE', `/measures/${m.id}/attachments/${a.id}`)).statusCode).toBe(401);
    expect(await attachmentsOf(t, m.id)).toHaveLength(1);
  });
});
