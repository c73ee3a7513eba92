import { useMemo, type KeyboardEvent } from 'react';
import type { MapDistrict } from '../../../contract/map';
import { OUTLINE, type Classes, type Mode } from './colours';
import { fitView, pathOf, polygonsOf, tilesFor } from './projection';

/**
 * The districts as an SVG: each one a focusable button with an accessible name, selected with a click,
 * Enter or Space. With a tile URL template the base-map tiles are drawn behind (fetched by the browser);
 * without it no image is referenced at all.
 */
export function DistrictMap({ districts, mode, classes, selectedId, onSelect, tileUrl, label, nameOf }: {
  districts: MapDistrict[];
  mode: Mode;
  classes: Classes;
  selectedId: string | null;
  onSelect: (id: string) => void;
  tileUrl: string | null;
  /** accessible name of the map */
  label: string;
  /** accessible name of one district, e.g. "Altstadt: 7 Maßnahmen, 1.234.567 €" */
  nameOf: (d: MapDistrict) => string;
}) {
  const shapes = useMemo(() => districts.map((d) => ({ d, polygons: polygonsOf(d.boundary) })).filter((s) => s.polygons.length > 0), [districts]);
  const view = useMemo(() => fitView(shapes.flatMap((s) => s.polygons)), [shapes]);
  const tiles = useMemo(() => (view && tileUrl ? tilesFor(view, tileUrl) : []), [view, tileUrl]);
  if (!view) return null;
  const key = (id: string) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(id);
    }
  };
  // the selected district is drawn last, so its thick outline is not covered by its neighbours
  const ordered = [...shapes].sort((a, b) => Number(a.d.id === selectedId) - Number(b.d.id === selectedId));
  return (
    <svg className="district-map" viewBox={`0 0 ${view.width} ${view.height}`} role="group" aria-label={label}>
      {tiles.length > 0 && (
        <g aria-hidden="true" className="map-tiles">
          {tiles.map((t) => (
            <image key={t.url} href={t.url} x={t.x} y={t.y} width={t.size} height={t.size} preserveAspectRatio="none" />
          ))}
        </g>
      )}
      {ordered.map(({ d, polygons }) => (
        <path
          key={d.id}
          className="map-district"
          d={pathOf(view, polygons)}
          fillRule="evenodd"
          fill={classes.colourOf(mode === 'count' ? d.measureCount : d.costCents)}
          fillOpacity={tiles.length ? 0.75 : 1}
          stroke={OUTLINE}
          strokeWidth={d.id === selectedId ? 4 : 1.5}
          role="button"
          tabIndex={0}
          aria-label={nameOf(d)}
          aria-pressed={d.id === selectedId}
          onClick={() => onSelect(d.id)}
          onKeyDown={key(d.id)}
        >
          <title>{nameOf(d)}</title>
        </path>
      ))}
    </svg>
  );
}
