/**
 * The map's own projection: Web Mercator (the projection of every common tile server, so optional base
 * map tiles line up), in world units 0…1, scaled to fit the districts' bounds into the SVG. Pure.
 */
export type LonLat = [number, number];
export type Polygon = LonLat[][];

const MAX_LAT = 85.05112878;

export function mercator([lon, lat]: LonLat): [number, number] {
  const φ = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return [(lon + 180) / 360, (1 - Math.log(Math.tan(Math.PI / 4 + φ / 2)) / Math.PI) / 2];
}

/** The polygons of a district's GeoJSON (Polygon, MultiPolygon, Feature, FeatureCollection); [] for anything else. */
export function polygonsOf(geo: unknown): Polygon[] {
  const g = geo as { type?: string; coordinates?: unknown; geometry?: unknown; features?: unknown[] } | null;
  if (!g || typeof g !== 'object') return [];
  if (g.type === 'Polygon') return [g.coordinates as Polygon];
  if (g.type === 'MultiPolygon') return g.coordinates as Polygon[];
  if (g.type === 'Feature') return polygonsOf(g.geometry);
  if (g.type === 'FeatureCollection') return (g.features ?? []).flatMap(polygonsOf);
  return [];
}

export interface View {
  width: number;
  height: number;
  /** SVG units per world unit */
  scale: number;
  /** world coordinates of the SVG's top-left corner */
  x0: number;
  y0: number;
}

/** Fits all polygons into `width` (height follows the shape, within limits), with a margin. */
export function fitView(polygons: Polygon[], width = 800, margin = 16, maxHeight = 900): View | null {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of polygons)
    for (const ring of poly)
      for (const p of ring) {
        const [x, y] = mercator(p);
        [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
      }
  if (!Number.isFinite(minX)) return null;
  const w = Math.max(maxX - minX, 1e-9);
  const h = Math.max(maxY - minY, 1e-9);
  let scale = (width - 2 * margin) / w;
  let height = h * scale + 2 * margin;
  if (height > maxHeight) {
    scale = (maxHeight - 2 * margin) / h;
    height = maxHeight;
  }
  // centre horizontally when the height limited the scale
  const x0 = minX - (width - w * scale) / 2 / scale;
  return { width, height: Math.round(height), scale, x0, y0: minY - margin / scale };
}

export const toSvg = (v: View, p: LonLat): [number, number] => {
  const [x, y] = mercator(p);
  return [(x - v.x0) * v.scale, (y - v.y0) * v.scale];
};

/** An SVG path for the polygons (holes drawn with the even-odd rule). */
export function pathOf(v: View, polygons: Polygon[]): string {
  return polygons
    .flatMap((poly) => poly.map((ring) => ring.map((p, i) => `${i ? 'L' : 'M'}${toSvg(v, p).map((n) => n.toFixed(1)).join(' ')}`).join('') + 'Z'))
    .join('');
}

export interface Tile { url: string; x: number; y: number; size: number }

/**
 * The base-map tiles covering the view at the zoom closest to the view's scale (a 256-pixel tile per
 * 256 SVG units), their URLs from the {z}/{x}/{y} template.
 */
export function tilesFor(v: View, template: string): Tile[] {
  const z = Math.max(0, Math.min(19, Math.round(Math.log2(v.scale / 256))));
  const n = 2 ** z;
  const size = v.scale / n;
  const [x1, y1] = [v.x0 + v.width / v.scale, v.y0 + v.height / v.scale];
  const tiles: Tile[] = [];
  for (let ty = Math.max(0, Math.floor(v.y0 * n)); ty <= Math.min(n - 1, Math.floor(y1 * n)); ty++)
    for (let tx = Math.max(0, Math.floor(v.x0 * n)); tx <= Math.min(n - 1, Math.floor(x1 * n)); tx++)
      tiles.push({
        url: template.replace('{z}', String(z)).replace('{x}', String(tx)).replace('{y}', String(ty)),
        x: (tx / n - v.x0) * v.scale,
        y: (ty / n - v.y0) * v.scale,
        size,
      });
  return tiles;
}

/** Where a district's name goes, in SVG units: a point inside it and the width free around it on that line. */
export interface LabelSpot { x: number; y: number; width: number }

/**
 * A label position inside the district's largest polygon: of horizontal lines through its middle, the one
 * with the widest inside stretch (holes and notches counted with the even-odd rule), at that stretch's
 * centre. Unlike the centroid, this stays inside L-shaped and concave districts.
 */
export function labelSpot(v: View, polygons: Polygon[]): LabelSpot | null {
  const rings = polygons.map((poly) => poly.map((ring) => ring.map((p) => toSvg(v, p))));
  const area = (ring: [number, number][]) => Math.abs(ring.reduce((a, [x1, y1], i) => {
    const [x2, y2] = ring[(i + 1) % ring.length];
    return a + x1 * y2 - x2 * y1;
  }, 0)) / 2;
  const largest = rings.filter((r) => r.length > 0 && r[0].length > 2).sort((a, b) => area(b[0]) - area(a[0]))[0];
  if (!largest) return null;
  const ys = largest[0].map((p) => p[1]);
  const [top, bottom] = [Math.min(...ys), Math.max(...ys)];
  let best: LabelSpot | null = null;
  let bestScore = -1;
  for (let i = 1; i < 20; i++) {
    const t = i / 20;
    const y = top + (bottom - top) * t;
    const xs: number[] = [];
    for (const ring of largest)
      for (let j = 0; j < ring.length; j++) {
        const [x1, y1] = ring[j];
        const [x2, y2] = ring[(j + 1) % ring.length];
        if ((y1 <= y && y2 > y) || (y2 <= y && y1 > y)) xs.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
      }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const width = xs[k + 1] - xs[k];
      // the middle lines are preferred: a label at the very edge of a district reads as its neighbour's
      const score = width * (1 - Math.abs(t - 0.5));
      if (score > bestScore) [bestScore, best] = [score, { x: (xs[k] + xs[k + 1]) / 2, y, width }];
    }
  }
  return best;
}
