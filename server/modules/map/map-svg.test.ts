// The map's SVG as the browser gets it (rendered with react-dom/server): without a tile server no image is
// referenced at all (nothing is fetched); with one, exactly the tiles covering the districts at a fitting zoom.
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { DistrictMap } from '../../../web/features/map/DistrictMap';
import { classesFor } from '../../../web/features/map/colours';
import { fitView, labelSpot, mercator, pathOf, polygonsOf, tilesFor } from '../../../web/features/map/projection';
import type { MapDistrict } from '../../../contract/map';

const square = (lon: number, lat: number, d = 0.02) => ({ type: 'Polygon' as const, coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]] });
const districts: MapDistrict[] = [
  { id: '00000000-0000-4000-8000-000000000001', name: 'Altstadt', boundary: square(11.98, 51.35), measureCount: 7, costCents: 1_234_567_00 },
  { id: '00000000-0000-4000-8000-000000000002', name: 'Neustadt', boundary: square(12.0, 51.35), measureCount: 0, costCents: 0 },
];
const render = (tileUrl: string | null) =>
  renderToStaticMarkup(createElement(DistrictMap, {
    districts, mode: 'count', classes: classesFor([7, 0], 'count'), selectedId: null, onSelect: () => {}, tileUrl,
    label: 'Karte', nameOf: (d: MapDistrict) => `${d.name}: ${d.measureCount} Maßnahmen`,
  }));

describe('district map SVG', () => {
  it('draws every district as a focusable, named button; without MAP_TILE_URL no image at all', () => {
    const svg = render(null);
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain('aria-label="Altstadt: 7 Maßnahmen"');
    expect(svg.match(/tabindex="0"/g)).toHaveLength(2);
    expect(svg).not.toMatch(/<image|href=/);
    // the district with measures gets the darkest class, the one without the empty grey
    expect(svg).toMatch(/fill="#414487"[^>]*aria-label="Altstadt/);
    expect(svg).toMatch(/fill="#eeeeee"[^>]*aria-label="Neustadt/);
  });

  it('with a tile server: the tiles covering the districts, URLs from the template', () => {
    const svg = render('https://tiles.example.org/{z}/{x}/{y}.png');
    const urls = [...svg.matchAll(/<image href="([^"]+)"/g)].map((m) => m[1]);
    // hand-checked: 768 px for 0.04° of longitude = 6.9e6 px per world → log2(6.9e6 / 256) = 14.7 → zoom 15;
    // tiles x 17474…17478 (11.98…12.02°), y 10916…10919 (51.37…51.35°), one more each side for the margin
    const view = fitView(districts.flatMap((d) => polygonsOf(d.boundary)))!;
    expect(Math.round(Math.log2(view.scale / 256))).toBe(15);
    const n = 2 ** 15;
    const tx = (lon: number) => Math.floor(mercator([lon, 0])[0] * n);
    const ty = (lat: number) => Math.floor(mercator([0, lat])[1] * n);
    expect([tx(11.98), tx(12.02), ty(51.37), ty(51.35)]).toEqual([17474, 17478, 10916, 10919]);
    const expected: string[] = [];
    for (let y = ty(51.37) - 1; y <= ty(51.35) + 1; y++) for (let x = tx(11.98) - 1; x <= tx(12.02) + 1; x++) expected.push(`https://tiles.example.org/15/${x}/${y}.png`);
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(expected).toContain(u);
    expect(urls).toContain(`https://tiles.example.org/15/${tx(11.99)}/${ty(51.36)}.png`);
    expect(urls).toEqual(tilesFor(view, 'https://tiles.example.org/{z}/{x}/{y}.png').map((t) => t.url));
  });

  it('classes: round bounds over the range (domain/legend-classes); GeoJSON of every shape kind is read', () => {
    expect(classesFor([0, 3, 7, 10], 'count').breaks).toEqual([4, 6, 8, 10]); // "1 – 4", "5 – 6", …
    expect(classesFor([6_730_000_00, 16_905_000_00], 'cost').breaks).toEqual([7_500_000_00, 10_000_000_00, 12_500_000_00, 15_000_000_00, 17_500_000_00]);
    expect(classesFor([0, 0], 'count').breaks).toEqual([]);
    const c = classesFor([1, 10], 'count');
    expect([c.colourOf(0), c.colourOf(1), c.colourOf(10)]).toEqual(['#eeeeee', '#fde725', '#414487']);
    const poly = square(0, 0);
    expect(polygonsOf({ type: 'Feature', geometry: poly })).toHaveLength(1);
    expect(polygonsOf({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: poly }, { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [poly.coordinates, poly.coordinates] } }] })).toHaveLength(3);
    expect(polygonsOf({ type: 'Point', coordinates: [0, 0] })).toEqual([]);
  });

  it('writes each district’s name on it, hidden from assistive technology (the button carries the name)', () => {
    const html = render(null);
    expect(html).toMatch(/<div class="map-labels" aria-hidden="true">.*Altstadt.*Neustadt.*<\/div>/s);
    expect(html.match(/class="map-label /g)).toHaveLength(2);
  });

  it('places a name inside the district, also in a concave (L-shaped) one where the centroid lies outside', () => {
    // an L: the lower bar 0…3 wide, the upright 0…1; its centroid (≈ 1.1, 1.1) falls in the notch
    const l = { type: 'Polygon' as const, coordinates: [[[0, 0], [0.03, 0], [0.03, 0.01], [0.01, 0.01], [0.01, 0.03], [0, 0.03], [0, 0]]] };
    const polys = polygonsOf(l);
    const view = fitView(polys)!;
    const spot = labelSpot(view, polys)!;
    // inside: draw the path into a point-in-polygon test by ray casting on the projected ring
    const ring = polys[0][0].map((p) => [(mercator(p)[0] - view.x0) * view.scale, (mercator(p)[1] - view.y0) * view.scale]);
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > spot.y !== yj > spot.y && spot.x < ((xj - xi) * (spot.y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    expect(inside).toBe(true);
    // it chose the wide lower bar, not the narrow upright
    expect(spot.width).toBeGreaterThan(view.width / 2);
    expect(pathOf(view, polys)).toMatch(/^M/);
    expect(labelSpot(view, [])).toBeNull();
  });
});
