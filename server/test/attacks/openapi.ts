import type { App } from '../../app';
import type { IdKind } from './world';
import { encode } from './generate';

/** A JSON schema as the OpenAPI document holds it (the parts the attacks read). */
export interface Schema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema | Schema[];
  prefixItems?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  additionalProperties?: Schema | boolean;
  default?: unknown;
  $ref?: string;
}
export interface Param { name: string; in: 'path' | 'query'; required: boolean; schema: Schema }
export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** as in the document, e.g. /measures/{id} */
  path: string;
  params: Param[];
  body: Schema | null;
  multipart: boolean;
  /** server-sent events: the answer never ends on its own */
  stream: boolean;
}

/** Every operation of the app's own OpenAPI document: the attacks cover a new route without being told. */
export function operations(app: App): Operation[] {
  const doc = app.swagger() as unknown as { paths: Record<string, Record<string, { parameters?: Param[]; requestBody?: { content: Record<string, { schema: Schema }> } }>> };
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const content = op.requestBody?.content ?? {};
      out.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        params: (op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query'),
        body: content['application/json']?.schema ?? null,
        multipart: 'multipart/form-data' in content,
        stream: path.endsWith('/events'),
      });
    }
  }
  return out;
}

/**
 * The kind of object a path parameter names, read from the path segment before it
 * (`/measures/{id}/attachments/{attachmentId}`: measure, then attachment). Null when unknown.
 */
export function idKindOf(path: string, param: string): IdKind | null {
  const segs = path.split('/').filter(Boolean);
  const at = segs.indexOf(`{${param}}`);
  const before = segs[at - 1];
  const earlier = segs[at - 2];
  if (before === 'relations' || before === 'dismissals') return 'measure';
  if (earlier === 'relations' || earlier === 'dismissals') return 'measure2';
  const bySegment: Record<string, IdKind> = {
    measures: 'measure', attachments: 'attachment', responsibility: 'department', dependencies: 'measure',
    workshops: 'workshop', groups: 'group', participants: 'participant', rounds: earlier === 'priorities' ? 'scoringRound' : 'round',
    'funding-programmes': 'programme', 'saved-searches': 'savedSearch', milestones: 'milestone', users: 'user',
    dimensions: 'dimension', 'action-fields': 'actionField', goals: 'goal', districts: 'district', departments: 'department', briefs: 'measure',
    notifications: 'notification', 'mail-outbox': 'outboxMail', reports: 'report', indicators: 'indicator', values: 'indicatorValue',
  };
  return before ? (bySegment[before] ?? null) : null;
}

/** Fills the path's parameters; values are URL-encoded. */
export const fillPath = (path: string, values: Record<string, string>) => path.replace(/\{(\w+)\}/g, (_m, name: string) => encode(values[name] ?? ''));

/** The operation as a short label for the counts: `GET /measures/{id}`. */
export const label = (op: Operation) => `${op.method} ${op.path}`;
