import { z } from 'zod';
import { Id, IsoDate, Page, text } from './common';

/** What the database records (audit_event.action). */
export const AuditAction = z.enum([
  'create', 'update', 'delete',
  'sign_in', 'sign_in_failed', 'sign_out', 'session_end',
  'two_factor_on', 'two_factor_off', 'export', 'erasure',
]);
export type AuditAction = z.infer<typeof AuditAction>;

/**
 * The kinds the admin filters by: `change` = any create/update/delete; `role_change` = a membership
 * added, removed or its role changed; `sign_out` includes ended sessions; `two_factor` = on or off.
 */
export const AuditKind = z.enum(['change', 'role_change', 'sign_in', 'sign_in_failed', 'sign_out', 'two_factor', 'export', 'erasure']);
export type AuditKind = z.infer<typeof AuditKind>;

export const AuditFilter = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  kind: AuditKind.optional(),
  actorId: Id.optional(),
  entityType: text(50).optional(),
  entityId: text(100).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditQuery = AuditFilter.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const AuditExportQuery = AuditFilter.extend({ lang: z.enum(['de', 'en']).default('de') });

export const AuditEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  action: AuditAction,
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string(),
  /** for changes: field → [before, after]; for other events: details such as the reason of a failed sign-in */
  changes: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditActor = z.object({ id: Id, name: z.string() });
export const AuditEventPage = Page(AuditEvent).extend({ actors: z.array(AuditActor) });
export type AuditEventPage = z.infer<typeof AuditEventPage>;
