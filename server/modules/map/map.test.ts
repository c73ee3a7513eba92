import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';
import type { MapData } from '../../../contract/map';
import { loadConfig } from '../../config';

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

const square = { type: 'Polygon', coordinates: [[[11.96, 51.34], [11.98, 51.34], [11.98, 51.36], [11.96, 51.36], [11.96, 51.34]]] };

describe('GET /map', () => {
  it('gives every district with its boundary, number and cost of measures (a measure counts in each of its districts)', async () => {
    const post = async (path: string, body: object) => json((await call(app, t.cookies.admin, 'POST', path, body)));
    const alt = await post('/districts', { name: 'Altstadt', boundary: square });
    const neu = await post('/districts', { name: 'Neustadt' });
    await post('/measures', { title: 'A', districtIds: [alt.id], costCents: 100_000_00 });
    await post('/measures', { title: 'B', districtIds: [alt.id, neu.id], costCents: 23_456_78 });
    await post('/measures', { title: 'C', districtIds: [alt.id] });
    await post('/measures', { title: 'D', costCents: 5_00 });
    const res = await call(app, t.cookies.reader, 'GET', '/map');
    expect(res.statusCode).toBe(200);
    const map = json<MapData>(res);
    expect(map.districts.map((d) => [d.name, d.measureCount, d.costCents, d.boundary?.type ?? null])).toEqual([
      ['Altstadt', 3, 123_456_78, 'Polygon'],
      ['Neustadt', 1, 23_456_78, null],
    ]);
    expect(map.districts[0].boundary).toEqual(square);
    expect(map.withoutDistrict).toEqual({ measureCount: 1, costCents: 5_00 });
    // without MAP_TILE_URL there is no base map: the web app fetches no tile
    expect(map.tileUrl).toBeNull();
    // other municipalities see only their own districts
    expect(json<MapData>(await call(app, other.cookies.reader, 'GET', '/map')).districts).toEqual([]);
  });

  it('passes the configured tile server on; needs a sign-in', async () => {
    app.config.mapTileUrl = 'https://tiles.example.org/{z}/{x}/{y}.png';
    try {
      expect(json<MapData>(await call(app, t.cookies.department, 'GET', '/map')).tileUrl).toBe('https://tiles.example.org/{z}/{x}/{y}.png');
    } finally {
      app.config.mapTileUrl = undefined;
    }
    expect((await call(app, null, 'GET', '/map')).statusCode).toBe(401);
  });
});

describe('MAP_TILE_URL', () => {
  it('is optional and must carry {z}, {x} and {y}', () => {
    const base = { DATA_DIR: '/tmp/rf-map-config-test', SESSION_SECRET: 'x'.repeat(40) };
    expect(loadConfig(base).mapTileUrl).toBeUndefined();
    expect(loadConfig({ ...base, MAP_TILE_URL: 'https://a.tile.example/{z}/{x}/{y}.png' }).mapTileUrl).toBe('https://a.tile.example/{z}/{x}/{y}.png');
    expect(() => loadConfig({ ...base, MAP_TILE_URL: 'https://a.tile.example/tiles.png' })).toThrow(/MAP_TILE_URL/);
    expect(() => loadConfig({ ...base, MAP_TILE_URL: 'ftp://x/{z}/{x}/{y}' })).toThrow(/MAP_TILE_URL/);
  });
});
