import { z } from 'zod';
import { Id } from './common';
import { GeoJson } from './concept';

/** One district of the map with what lies in it. A measure in several districts counts in each. */
export const MapDistrict = z.object({
  id: Id,
  name: z.string(),
  boundary: GeoJson.nullable(),
  measureCount: z.number().int(),
  costCents: z.number().int(),
});
export type MapDistrict = z.infer<typeof MapDistrict>;

export const MapData = z.object({
  districts: z.array(MapDistrict),
  /** measures linked to no district (not on the map) */
  withoutDistrict: z.object({ measureCount: z.number().int(), costCents: z.number().int() }),
  /** tile server template with {z}/{x}/{y} (MAP_TILE_URL); null: no base map, nothing is fetched */
  tileUrl: z.string().nullable(),
});
export type MapData = z.infer<typeof MapData>;
