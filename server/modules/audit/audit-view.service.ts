import type { Db } from '../../db/client';
import type { AuditEvent, AuditEventPage, AuditFilter, AuditKind } from '../../../contract/audit';

/** Each kind of the admins' filter as a condition on audit_event (alias e). */
const KIND_SQL: Record<AuditKind, string> = {
  change: `e.action IN ('create', 'update', 'delete')`,
  role_change: `e.entity_type = 'membership' AND (e.action IN ('create', 'delete') OR (e.action = 'update' AND e.changes ? 'role'))`,
  sign_in: `e.action = 'sign_in'`,
  sign_in_failed: `e.action = 'sign_in_failed'`,
  sign_out: `e.action IN ('sign_out', 'session_end')`,
  two_factor: `e.action IN ('two_factor_on', 'two_factor_off')`,
  export: `e.action = 'export'`,
  erasure: `e.action = 'erasure'`,
};

/**
 * The filter as SQL, always scoped to the municipality ($1). Dates are calendar days in Europe/Berlin,
 * `to` inclusive, as the admin means them.
 */
function where(municipalityId: string, f: AuditFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [municipalityId];
  const parts = ['e.municipality_id = $1'];
  const add = (cond: (n: string) => string, value: unknown) => {
    params.push(value);
    parts.push(cond(`$${params.length}`));
  };
  if (f.from) add((p) => `e.at >= (${p}::date)::timestamp AT TIME ZONE 'Europe/Berlin'`, f.from);
  if (f.to) add((p) => `e.at < (${p}::date + 1)::timestamp AT TIME ZONE 'Europe/Berlin'`, f.to);
  if (f.actorId) add((p) => `e.actor_id = ${p}::uuid`, f.actorId);
  if (f.entityType) add((p) => `e.entity_type = ${p}`, f.entityType);
  if (f.entityId) add((p) => `e.entity_id = ${p}`, f.entityId);
  if (f.kind) parts.push(`(${KIND_SQL[f.kind]})`);
  return { sql: parts.join(' AND '), params };
}

interface Row { id: string; at: Date; action: AuditEvent['action']; actor_id: string | null; actor_name: string | null; entity_type: string; entity_id: string; changes: Record<string, unknown> }

const toEvent = (r: Row): AuditEvent => ({
  id: Number(r.id),
  at: new Date(r.at).toISOString(),
  action: r.action,
  actorId: r.actor_id,
  actorName: r.actor_name,
  entityType: r.entity_type,
  entityId: r.entity_id,
  changes: r.changes ?? {},
});

const SELECT = 'SELECT e.id, e.at, e.action, e.actor_id, e.actor_name, e.entity_type, e.entity_id, e.changes FROM audit_event e';

/** One page, newest first, with the total and the people who appear as actors (for the filter). */
export async function listAuditEvents(db: Db, municipalityId: string, q: AuditFilter & { page: number; pageSize: number }): Promise<AuditEventPage> {
  const w = where(municipalityId, q);
  const n = w.params.length;
  const [rows, [{ total }], actors] = await Promise.all([
    db.query<Row>(`${SELECT} WHERE ${w.sql} ORDER BY e.at DESC, e.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`, [...w.params, q.pageSize, (q.page - 1) * q.pageSize]),
    db.query<{ total: number }>(`SELECT count(*)::int AS total FROM audit_event e WHERE ${w.sql}`, w.params),
    // The latest name of each actor still known as an account: the trail keeps the name at the time.
    db.query<{ id: string; name: string }>(
      `SELECT DISTINCT ON (e.actor_id) e.actor_id AS id, e.actor_name AS name FROM audit_event e
       WHERE e.municipality_id = $1 AND e.actor_id IS NOT NULL AND e.actor_name IS NOT NULL ORDER BY e.actor_id, e.id DESC LIMIT 500`,
      [municipalityId],
    ),
  ]);
  return {
    items: rows.map(toEvent),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
    actors: actors.sort((a, b) => a.name.localeCompare(b.name, 'de')),
  };
}

/** Most events one export holds; beyond it the admin narrows the filter (the file says how many were left out). */
export const EXPORT_MAX = 100_000;

export async function auditEventsForExport(db: Db, municipalityId: string, f: AuditFilter): Promise<{ events: AuditEvent[]; total: number }> {
  const w = where(municipalityId, f);
  const [rows, [{ total }]] = await Promise.all([
    db.query<Row>(`${SELECT} WHERE ${w.sql} ORDER BY e.at DESC, e.id DESC LIMIT ${EXPORT_MAX}`, w.params),
    db.query<{ total: number }>(`SELECT count(*)::int AS total FROM audit_event e WHERE ${w.sql}`, w.params),
  ]);
  return { events: rows.map(toEvent), total: Number(total) };
}
