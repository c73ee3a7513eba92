import type { App } from '../../app';
import { DashboardQuery, MonitoringDashboard } from '../../../contract/monitoring-dashboard';
import { ALL_ROLES, requireRole } from '../../plugins/actor';
import { dashboard } from './dashboard.service';

/** The monitoring dashboard (issue 15, part 2): every role of the municipality may read it. */
export async function monitoringDashboardRoutes(app: App) {
  app.get('/monitoring/dashboard', { schema: { tags: ['monitoring'], querystring: DashboardQuery, response: { 200: MonitoringDashboard } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return dashboard(app.db, actor, req.query);
  });
}
