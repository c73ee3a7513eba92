import type { Db } from '../../db/client';
import type { NotificationKind } from '../../../contract/notifications';
import { KINDS } from './kinds';

export interface NotifyInput {
  municipalityId: string;
  kind: NotificationKind;
  /** people addressed directly */
  userIds?: string[];
  /** department-level events: every member of these departments (membership.department_id) */
  departmentIds?: string[];
  /** the person who caused the event hears nothing about their own act */
  exceptUserId?: string | null;
  /** values the kind's sentence names (see kinds.ts) */
  params: Record<string, unknown>;
  /** app path that leads to the cause, e.g. /measures/<id> */
  link?: string | null;
  /** the same event reaches each person once: a repeated notify with the same key is ignored */
  eventKey?: string | null;
  /** a ready German e-mail instead of the generic one (funding kept its detailed reminder texts) */
  mail?: { subject: string; text: string; html?: string } | null;
}

/**
 * Records a notification for each recipient who is a member of the municipality. Call it with the
 * transaction of the change that causes it: the notification exists exactly when the change does.
 * Whether and when it is mailed follows the person's preference for the kind (or the kind's default),
 * fixed here; the outbox worker (outbox.ts) writes the mails, only when SMTP is configured.
 * Returns the ids of the new notifications.
 */
export async function notify(t: Db, n: NotifyInput): Promise<string[]> {
  const userIds = [...new Set(n.userIds ?? [])];
  const departmentIds = [...new Set(n.departmentIds ?? [])];
  if (!userIds.length && !departmentIds.length) return [];
  const rows = await t.query<{ id: string }>(
    `INSERT INTO notification (municipality_id, user_id, kind, params, link, mail, event_key, mail_state)
     SELECT $1, r.user_id, $2, $3::jsonb, $4, $5::jsonb, $6,
            CASE coalesce(p.mode, $7) WHEN 'off' THEN NULL ELSE coalesce(p.mode, $7) END
       FROM (SELECT DISTINCT ms.user_id FROM membership ms
              WHERE ms.municipality_id = $1
                AND (ms.user_id = ANY($8::uuid[]) OR ms.department_id = ANY($9::uuid[]))
                AND ms.user_id IS DISTINCT FROM $10::uuid) r
       LEFT JOIN notification_preference p ON p.user_id = r.user_id AND p.kind = $2
     ON CONFLICT (user_id, municipality_id, kind, event_key) WHERE event_key IS NOT NULL DO NOTHING
     RETURNING id`,
    [
      n.municipalityId,
      n.kind,
      JSON.stringify(n.params),
      n.link ?? null,
      n.mail ? JSON.stringify(n.mail) : null,
      n.eventKey ?? null,
      KINDS[n.kind].default,
      userIds,
      departmentIds,
      n.exceptUserId ?? null,
    ],
  );
  return rows.map((r) => r.id);
}
