import type { App } from '../../app';
import { MapData } from '../../../contract/map';
import { ALL_ROLES, requireRole } from '../../plugins/actor';
import { mapData } from './map.service';

export async function mapRoutes(app: App) {
  app.get('/map', { schema: { tags: ['map'], response: { 200: MapData } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return mapData(app.db, actor.municipalityId, app.config.mapTileUrl ?? null);
  });
}
