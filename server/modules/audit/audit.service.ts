import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { AuditEntry } from '../../../contract/measures';

type Plain = Record<string, unknown>;

/** Field → [before, after] for every field whose value differs (arrays compared as sets of values in order). */
export function diff(before: Plain | null, after: Plain | null, ignore: string[] = ['version', 'updatedAt', 'createdAt']): Record<string, [unknown, unknown]> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of keys) {
    if (ignore.includes(k)) continue;
    const a = before?.[k] ?? null;
    const b = after?.[k] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) out[k] = [a, b];
  }
  return out;
}

/** Appends one event to the audit trail; call it inside the transaction of the change. */
export async function recordAudit(
  db: Db,
  actor: Pick<Actor, 'userId' | 'userName' | 'municipalityId'>,
  e: { entityType: string; entityId: string; action: 'create' | 'update' | 'delete'; before: Plain | null; after: Plain | null },
) {
  const changes = diff(e.before, e.after);
  if (e.action === 'update' && Object.keys(changes).length === 0) return;
  await db.query(
    `INSERT INTO audit_event (municipality_id, entity_type, entity_id, action, actor_id, actor_name, changes)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [actor.municipalityId, e.entityType, e.entityId, e.action, actor.userId, actor.userName, JSON.stringify(changes)],
  );
}

interface AuditRow { id: number; at: Date; actor_name: string | null; action: AuditEntry['action']; entity_type: string; entity_id: string; changes: AuditEntry['changes'] }

export async function listAudit(
  db: Db,
  municipalityId: string,
  filter: { entityType?: string; entityId?: string; limit?: number; offset?: number },
): Promise<AuditEntry[]> {
  const rows = await db.query<AuditRow>(
    `SELECT id, at, actor_name, action, entity_type, entity_id, changes FROM audit_event
     WHERE municipality_id = $1 AND ($2::text IS NULL OR entity_type = $2) AND ($3::text IS NULL OR entity_id = $3)
       AND action IN ('create', 'update', 'delete') -- changes only; sign-ins and exports are in the admins' view (audit-view.service.ts)
     ORDER BY id DESC LIMIT $4 OFFSET $5`,
    [municipalityId, filter.entityType ?? null, filter.entityId ?? null, filter.limit ?? 100, filter.offset ?? 0],
  );
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    changes: r.changes,
  }));
}
