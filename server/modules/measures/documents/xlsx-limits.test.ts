import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, json, type Tenant } from '../../../test/harness';
import { multipart } from '../../../test/multipart';
import type { App } from '../../../app';
import { heavyXlsx, xlsxBomb } from './zip-bomb.fixture';
import { readXlsxInWorker, XLSX_LIMITS } from './xlsx-in-worker';

/**
 * Issue 14: a 1 MB .xlsx that inflates to a 300 MB sheet took 26 s and 2 GB, and live voting stalled. Reading
 * spreadsheets is limited (inflated size, rows, columns) and happens off the event loop.
 */
let app: App;
let close: () => Promise<void>;
let t: Tenant;
beforeAll(async () => {
  ({ app, close } = await createTestApp({ maxUploadBytes: 10 * 1024 * 1024 }));
  t = await createTenant(app, 'Bombenstadt');
});
afterAll(() => close());

function upload(url: string, data: Buffer, cookie = t.cookies.admin, filename = 'Liste.xlsx') {
  const body = multipart([{ name: 'file', filename, contentType: filename.endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data }]);
  return app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie, ...body.headers }, payload: body.payload });
}

const IMPORTS = ['/measures/import/preview', '/measures/import', '/funding-programmes/import/preview', '/funding-programmes/import'];

describe('a zip bomb', () => {
  it('that declares its 100 MB sheet is refused at once with 413 sheet_too_large, on every spreadsheet import', async () => {
    const bomb = await xlsxBomb(100 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    for (const url of IMPORTS) {
      const res = await upload(url, bomb);
      expect([url, res.statusCode, json(res).error?.code]).toEqual([url, 413, 'sheet_too_large']);
      expect(json(res).error.message).toMatch(/entpackt größer als 32 MB/);
    }
  });

  it('that lies about its size is refused as well: inflation stops at the limit', async () => {
    const res = await upload('/measures/import/preview', await xlsxBomb(100 * 1024 * 1024, { lie: true }));
    expect([res.statusCode, json(res).error.code]).toEqual([413, 'sheet_too_large']);
  });

  it('leaves the app unchanged: nothing imported', async () => {
    const [{ n }] = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM measure WHERE municipality_id = $1', [t.municipalityId]);
    expect(n).toBe(0);
  });
});

describe('rows and columns', () => {
  it(`more than ${XLSX_LIMITS.maxRows.toLocaleString('en')} data rows: 422 sheet_too_complex, naming the limit`, async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Liste');
    ws.addRow(['Titel']);
    for (let r = 0; r <= XLSX_LIMITS.maxRows; r++) ws.addRow([`M${r}`]);
    const res = await upload('/measures/import/preview', Buffer.from(await wb.xlsx.writeBuffer()));
    expect([res.statusCode, json(res).error.code]).toEqual([422, 'sheet_too_complex']);
    expect(json(res).error.message).toContain('20.000 Zeilen');
  });

  it(`more than ${XLSX_LIMITS.maxColumns} columns: 422 sheet_too_complex`, async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Liste').addRows([['Titel', 'Beschreibung'], Array.from({ length: XLSX_LIMITS.maxColumns + 1 }, (_, i) => `Zelle ${i}`)]);
    const res = await upload('/measures/import/preview', Buffer.from(await wb.xlsx.writeBuffer()));
    expect([res.statusCode, json(res).error.code]).toEqual([422, 'sheet_too_complex']);
  });

  it('a damaged file is still 400 unreadable_file', async () => {
    const res = await upload('/measures/import/preview', Buffer.from('PK\u0003\u0004 kein echtes Archiv'));
    expect([res.statusCode, json(res).error.code]).toEqual([400, 'unreadable_file']);
  });
});

describe('the worker thread', () => {
  it('ends a read that takes longer than its time limit: 422 sheet_too_complex', async () => {
    const file = await heavyXlsx(500, 200);
    await expect(readXlsxInWorker(file, { ...XLSX_LIMITS, timeoutMs: 1 })).rejects.toMatchObject({ status: 422, code: 'sheet_too_complex' });
    // and the next file is read as usual
    expect(await readXlsxInWorker(file)).toHaveLength(501);
  });

  it('ends a read that needs more memory than its limit, not the app: 422 sheet_too_complex', async () => {
    const file = await heavyXlsx(2_000, 1_000);
    await expect(readXlsxInWorker(file, { ...XLSX_LIMITS, maxMemoryMb: 8 })).rejects.toMatchObject({ status: 422, code: 'sheet_too_complex' });
  });
});

describe('while a large legitimate sheet is read', () => {
  it('the app keeps answering other requests: health checks run one after another all through the import', async () => {
    // about 20 MB of sheet XML (under the limit), 2,000 rows: heavy to parse, light to check afterwards
    const file = await heavyXlsx(2_000, 1_000);
    let finished = false;
    const started = Date.now();
    const importing = upload('/measures/import/preview', file).finally(() => (finished = true));
    const answeredAt: number[] = [];
    while (!finished) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(res.statusCode).toBe(200);
      if (!finished) answeredAt.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, 5)); // a client's next check; lets I/O and timers run
    }
    const preview = await importing;
    expect(preview.statusCode).toBe(200);
    expect(json(preview).rowCount).toBe(2_000);
    // Behaviour, not a speed: the parse must not hold the event loop for a large part of the import. With the
    // old reader, one stretch of the import answered nothing at all.
    const took = Date.now() - started;
    const gaps = answeredAt.map((at, i) => at - (i ? answeredAt[i - 1] : started));
    expect(answeredAt.length).toBeGreaterThan(10);
    expect(Math.max(...gaps)).toBeLessThan(took / 3);
  });
});

describe('CSV files', () => {
  it('have the same row and column limits as .xlsx files: 422 sheet_too_complex', async () => {
    const rows = `Titel\n${Array.from({ length: XLSX_LIMITS.maxRows + 1 }, (_, i) => `M${i}`).join('\n')}\n`;
    const tooLong = await upload('/measures/import/preview', Buffer.from(rows), t.cookies.admin, 'Liste.csv');
    expect([tooLong.statusCode, json(tooLong).error.code]).toEqual([422, 'sheet_too_complex']);
    const wide = `Titel;Beschreibung\n${Array.from({ length: XLSX_LIMITS.maxColumns + 1 }, (_, i) => `Zelle ${i}`).join(';')}\n`;
    const tooWide = await upload('/funding-programmes/import/preview', Buffer.from(wide), t.cookies.admin, 'Programme.csv');
    expect([tooWide.statusCode, json(tooWide).error.code]).toEqual([422, 'sheet_too_complex']);
  });
});
