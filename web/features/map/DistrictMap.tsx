import { useMemo, type KeyboardEvent } from 'react';
import type { MapDistrict } from '../../../contract/map';
import { OUTLINE, type Classes, type Mode } from './colours';
import { fitView, labelSpot, pathOf, polygonsOf, tilesFor } from './projection';

/**
 * The districts as an SVG: each one a focusable button with an accessible name, selected with a click,
 * Enter or Space. With a tile URL template the base-map tiles are drawn behind (fetched by the browser);
 * without it no image is referenced at all. Each district's name is written on it (an HTML layer over the
 * SVG, so the text keeps a readable size however small the map is drawn; hidden from assistive technology,
 * which hears the name from the district's button).
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
  const labels = useMemo(() => (view ? shapes.flatMap(({ d, polygons }) => {
    const spot = labelSpot(view, polygons);
    return spot ? [{ d, spot }] : [];
  }) : []), [view, shapes]);
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
    // the frame keeps the map's aspect ratio (at most 75 % of the screen's height), so the name layer lines up
    <div className="district-map-wrap" style={{ maxWidth: `calc(75vh * ${(view.width / view.height).toFixed(4)})` }}>
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
      <div className="map-labels" aria-hidden="true">
        {labels.map(({ d, spot }) => (
          <span key={d.id} className={`map-label ${d.id === selectedId ? 'selected' : ''}`}
            style={{ left: `${(spot.x / view.width) * 100}%`, top: `${(spot.y / view.height) * 100}%`, maxWidth: `${Math.max(12, (spot.width / view.width) * 100 - 1)}%`, fontSize: labelSize(d.name, spot.width / view.width) }}>
            {d.name}
          </span>
        ))}
      </div>
    </div>
  );
}

/**
 * A name's type size: as large as the style sheet's size, but smaller where the district is narrow — in
 * units of the map's width (cqw), so it fits at every size the map is drawn. Not below 0.6 rem; a longer
 * name then wraps or reaches a little over the district's edge.
 */
function labelSize(name: string, widthShare: number) {
  const longestWord = Math.max(...name.split(/\s+/).map((w) => w.length), 1);
  // a letter of the bold face is about 0.62 em wide; 90 % of the district's width is available
  return `max(0.6rem, min(var(--map-label-size), ${((widthShare * 90) / (longestWord * 0.62)).toFixed(2)}cqw))`;
}
