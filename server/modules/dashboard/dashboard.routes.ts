import type { App } from '../../app';
import { Dashboard, MeasureQuery } from '../../../contract/measures';
import { ALL_ROLES, requireRole } from '../../plugins/actor';
import { dashboard } from './dashboard.service';

const DashboardQuery = MeasureQuery.omit({ page: true, pageSize: true, sort: true });

export async function dashboardRoutes(app: App) {
  app.get('/dashboard', { schema: { tags: ['dashboard'], querystring: DashboardQuery, response: { 200: Dashboard } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return dashboard(app.db, actor.municipalityId, req.query);
  });
}
