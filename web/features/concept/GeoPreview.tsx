import { useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { messages } from './messages';
import { polygonsOf, projectPaths, vertexCount, type Polygon } from './geo';

/** A small inline SVG of a district boundary; role="img" with a label naming the district. */
export function GeoPreview({
  boundary,
  polygons: given,
  name,
  width = 160,
  height = 120,
}: {
  boundary?: unknown;
  polygons?: Polygon[];
  name?: string;
  width?: number;
  height?: number;
}) {
  const t = useT(messages);
  const polygons = useMemo(() => given ?? polygonsOf(boundary), [given, boundary]);
  const paths = useMemo(() => projectPaths(polygons, width, height), [polygons, width, height]);
  if (!paths.length) return null;
  const n = vertexCount(polygons);
  const label = name ? t('previewLabel', { name, n }) : t('previewUnnamed', { n });
  return (
    <svg className="geo-preview" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {paths.map((d, i) => (
        <path key={i} d={d} />
      ))}
    </svg>
  );
}
