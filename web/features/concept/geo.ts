/** Minimal GeoJSON handling for district boundaries: validation and polygon extraction (no library). */

export type Position = [number, number];
/** A polygon is a list of rings (outer ring first, then holes). */
export type Polygon = Position[][];

const ALLOWED = ['Feature', 'FeatureCollection', 'Polygon', 'MultiPolygon'];

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1]);

function ringsOf(coords: unknown): Polygon | null {
  if (!Array.isArray(coords)) return null;
  const rings = coords.filter((r): r is unknown[] => Array.isArray(r)).map((r) => r.filter(isPosition).map((p) => [p[0], p[1]] as Position));
  const valid = rings.filter((r) => r.length >= 3);
  return valid.length ? valid : null;
}

/** Collects all polygons of a GeoJSON object (geometries, features, collections). */
export function polygonsOf(geo: unknown, depth = 0): Polygon[] {
  if (!geo || typeof geo !== 'object' || depth > 5) return [];
  const g = geo as { type?: unknown; coordinates?: unknown; geometry?: unknown; features?: unknown; geometries?: unknown };
  switch (g.type) {
    case 'Polygon': {
      const p = ringsOf(g.coordinates);
      return p ? [p] : [];
    }
    case 'MultiPolygon':
      return Array.isArray(g.coordinates) ? g.coordinates.map(ringsOf).filter((p): p is Polygon => p != null) : [];
    case 'Feature':
      return polygonsOf(g.geometry, depth + 1);
    case 'FeatureCollection':
      return Array.isArray(g.features) ? g.features.flatMap((f) => polygonsOf(f, depth + 1)) : [];
    case 'GeometryCollection':
      return Array.isArray(g.geometries) ? g.geometries.flatMap((f) => polygonsOf(f, depth + 1)) : [];
    default:
      return [];
  }
}

export type BoundaryCheck =
  | { ok: true; value: Record<string, unknown> | null; polygons: Polygon[] }
  | { ok: false; error: 'jsonInvalid' | 'geoType' | 'geoNoPolygon'; detail?: string };

/** Checks the text of the boundary field: empty → no boundary; otherwise JSON of an allowed type with polygons. */
export function checkBoundary(text: string): BoundaryCheck {
  if (!text.trim()) return { ok: true, value: null, polygons: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: 'jsonInvalid', detail: e instanceof Error ? e.message : String(e) };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || !ALLOWED.includes((parsed as { type?: string }).type ?? '')) {
    return { ok: false, error: 'geoType' };
  }
  const polygons = polygonsOf(parsed);
  if (!polygons.length) return { ok: false, error: 'geoNoPolygon' };
  return { ok: true, value: parsed as Record<string, unknown>, polygons };
}

/**
 * Projects lon/lat into a width×height box (equirectangular, x shrunk by cos(latitude) so shapes keep
 * their proportions at German latitudes) and returns one SVG path per polygon.
 */
export function projectPaths(polygons: Polygon[], width: number, height: number, pad = 4): string[] {
  const all = polygons.flat(2);
  if (!all.length) return [];
  const lat0 = (all.reduce((s, p) => s + p[1], 0) / all.length) * (Math.PI / 180);
  const k = Math.cos(lat0) || 1;
  const xs = all.map((p) => p[0] * k);
  const ys = all.map((p) => -p[1]);
  const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
  const spanX = maxX - minX || 1e-9;
  const spanY = maxY - minY || 1e-9;
  const scale = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY);
  const offX = (width - spanX * scale) / 2;
  const offY = (height - spanY * scale) / 2;
  const pt = (p: Position) => `${(offX + (p[0] * k - minX) * scale).toFixed(1)},${(offY + (-p[1] - minY) * scale).toFixed(1)}`;
  return polygons.map((poly) => poly.map((ring) => `M${ring.map(pt).join('L')}Z`).join(''));
}

export const vertexCount = (polygons: Polygon[]) => polygons.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
