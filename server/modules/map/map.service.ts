import type { Db } from '../../db/client';
import type { MapData } from '../../../contract/map';

/** Districts with their boundaries and the number and cost of their measures (one grouped query). */
export async function mapData(db: Db, municipalityId: string, tileUrl: string | null): Promise<MapData> {
  const districts = await db.query<MapData['districts'][number]>(
    `SELECT d.id, d.name, d.boundary, count(m.id) AS "measureCount", coalesce(sum(m.cost_cents), 0) AS "costCents"
     FROM district d
     LEFT JOIN measure m ON m.municipality_id = d.municipality_id AND d.id = ANY(m.district_ids)
     WHERE d.municipality_id = $1
     GROUP BY d.id, d.name, d.boundary
     ORDER BY d.name`,
    [municipalityId],
  );
  const [none] = await db.query<{ n: number; c: number }>(
    `SELECT count(*) AS n, coalesce(sum(cost_cents), 0) AS c FROM measure WHERE municipality_id = $1 AND cardinality(district_ids) = 0`,
    [municipalityId],
  );
  return { districts, withoutDistrict: { measureCount: none.n, costCents: none.c }, tileUrl };
}
