import type { App } from '../../app';
import { AuditEventPage, AuditExportQuery, AuditQuery, type AuditFilter } from '../../../contract/audit';
import { requireRole } from '../../plugins/actor';
import { contentDisposition } from '../../http';
import { recordExport } from './account-events';
import { auditEventsForExport, listAuditEvents } from './audit-view.service';
import { auditCsv, auditXlsx } from './audit-export';

const filterSummary = (f: AuditFilter) =>
  Object.entries(f).filter(([, v]) => v != null && v !== '').map(([k, v]) => `${k}: ${String(v)}`).join('; ') || '–';

/** The admins' view of the whole audit trail of their municipality (changes, sign-ins, two-factor, exports). */
export async function auditRoutes(app: App) {
  const tags = ['audit'];
  const description =
    'Filter: `from`/`to` (calendar days in Europe/Berlin, inclusive), `kind` (change, role_change, sign_in, sign_in_failed, sign_out, two_factor, export), ' +
    '`actorId`, `entityType`, `entityId`. Only events of the current municipality; admins only (others 403).';

  app.get('/audit/trail', {
    schema: {
      tags,
      summary: 'Audit trail of the municipality (admins)',
      description: `${description} Newest first, paged (\`page\`, \`pageSize\` ≤ 200), with the total and the people who appear as actors.`,
      querystring: AuditQuery,
      response: { 200: AuditEventPage },
    },
  }, async (req) => listAuditEvents(app.db, requireRole(req, 'admin').municipalityId, req.query));

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/audit/trail.${format}`, {
      schema: {
        tags,
        summary: `Audit trail as ${format === 'csv' ? 'CSV (UTF-8 with BOM, ";" for Excel)' : 'Excel workbook'} (admins)`,
        description: `${description} Every matching event (at most 100,000, newest first); the export itself is recorded in the trail (it holds names).`,
        querystring: AuditExportQuery,
      },
    }, async (req, reply) => {
      const actor = requireRole(req, 'admin');
      const { lang, ...filter } = req.query;
      const { events, total } = await auditEventsForExport(app.db, actor.municipalityId, filter);
      await recordExport(app.db, actor, { entityType: 'auditTrail', entityId: actor.municipalityId, details: { format, events: events.length, filter: filterSummary(filter) } });
      const [{ name }] = await app.db.query<{ name: string }>('SELECT name FROM municipality WHERE id = $1', [actor.municipalityId]);
      const date = new Date().toISOString().slice(0, 10);
      const body = format === 'csv'
        ? auditCsv(events, { locale: lang })
        : await auditXlsx(events, { municipalityName: name, locale: lang, generatedAt: new Date(), filterSummary: filterSummary(filter), total });
      return reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition('attachment', `Protokoll-${date}.${format}`))
        .header('cache-control', 'no-store')
        .send(body);
    });
  }
}
