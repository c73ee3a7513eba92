import { z } from 'zod';
import { ErrorBody } from '../contract/common';
import { IMPORT_ENCODINGS, IMPORT_SEPARATORS } from '../contract/import';
import { CALLERS, OPERATIONS, type Callers } from './openapi-operations';
import { fieldDescription } from './openapi-fields';
import { EXAMPLES } from './openapi-examples';

/* eslint-disable @typescript-eslint/no-explicit-any -- the OpenAPI document is plain JSON walked by key */
type Json = any;

/** The file fields of multipart uploads: the routes read them with `req.parts()`, so no zod body describes them. */
const FILE = { type: 'string', format: 'binary' };
const MULTIPART: Record<string, { properties: Record<string, Json>; required: string[] }> = {
  'POST /measures/{id}/attachments': {
    properties: { file: { ...FILE, description: 'Die Datei (Bild, PDF, Office; höchstens MAX_UPLOAD_MB). Keine HTML- oder SVG-Dateien.' } },
    required: ['file'],
  },
  'POST /join/{code}/briefs/{measureId}/photos': {
    properties: { file: { ...FILE, description: 'Das Foto (ein Bild, `image/*`; höchstens MAX_UPLOAD_MB).' } },
    required: ['file'],
  },
  'POST /funding-programmes/import/preview': {
    properties: { file: { ...FILE, description: 'Der Förderkatalog als .xlsx oder .csv (Spalten wie im Export).' } },
    required: ['file'],
  },
  'POST /funding-programmes/import': {
    properties: { file: { ...FILE, description: 'Dieselbe Datei wie in der Prüfung.' } },
    required: ['file'],
  },
};
const measureImport = {
  properties: {
    file: { ...FILE, description: 'Die Maßnahmenliste als .xlsx oder .csv (höchstens 20.000 Zeilen und 200 Spalten).' },
    mapping: { type: 'string', description: 'Optional: JSON-Objekt Spaltenüberschrift → Feld (oder null zum Ignorieren), z. B. `{"Titel":"title","Kosten":"costCents"}`. Ohne: vorgeschlagen aus den Überschriften.' },
    resolutions: { type: 'string', description: 'Optional: JSON-Objekt Art → Wert in der Datei → Entscheidung (`{"action":"create"}`, `{"action":"map","target":"…"}`, `{"action":"ignore"}`) für unbekannte Stadtteile, Ämter usw.' },
    encoding: { type: 'string', enum: [...IMPORT_ENCODINGS], description: 'Optional: Zeichenkodierung einer CSV-Datei (sonst erkannt).' },
    separator: { type: 'string', enum: [...IMPORT_SEPARATORS], description: 'Optional: Trennzeichen einer CSV-Datei (sonst erkannt).' },
  },
  required: ['file'],
};
MULTIPART['POST /measures/import/preview'] = measureImport;
MULTIPART['POST /measures/import'] = measureImport;
const indicatorImport = { properties: { file: { ...FILE, description: 'Messwerte als .xlsx oder .csv: Spalten Indikator, Datum, Wert, optional Anmerkung.' } }, required: ['file'] };
MULTIPART['POST /goals/{goalId}/indicators/import/preview'] = indicatorImport;
MULTIPART['POST /goals/{goalId}/indicators/import'] = indicatorImport;

/** What each generic code means; the list in docs/api.md says the same. */
const GENERIC: Record<string, [status: number, text: string]> = {
  validation_failed: [400, 'Eingaben unvollständig oder ungültig (`details` nennt die Felder).'],
  invalid_token: [401, 'Das API-Token im Authorization-Header ist ungültig, abgelaufen oder widerrufen.'],
  unauthenticated: [401, 'Nicht angemeldet.'],
  forbidden: [403, 'Die Rolle reicht nicht.'],
  read_only_token: [403, 'Ein Nur-lesen-Token darf nicht schreiben.'],
  session_required: [403, 'Nur mit Sitzung, nicht mit API-Token.'],
  not_found: [404, 'Nicht gefunden (auch: gehört zu einer anderen Kommune).'],
  version_conflict: [409, 'Der Datensatz wurde inzwischen geändert; `details.current` enthält die aktuelle Fassung.'],
};

const ERROR_REF = { $ref: '#/components/schemas/Error' };
const ErrorSchema = z.toJSONSchema(ErrorBody, { target: 'openapi-3.0' }) as Json;
delete ErrorSchema.$schema;

const WRITE = new Set(['post', 'put', 'patch', 'delete']);
const NO_ROLE_CHECK: Callers[] = ['public', 'signedIn', 'session', 'member', 'calendarToken', 'participant', 'roundViewer'];
const hasVersion = (o: Json) =>
  (o.parameters ?? []).some((p: Json) => p.name === 'version') ||
  Boolean(o.requestBody?.content?.['application/json']?.schema?.properties?.version);

/** The error codes an operation can answer: derived from its shape and callers, plus its own. */
function errorCodes(method: string, path: string, o: Json, who: Callers | undefined, own: string[]): [number, string][] {
  const out: [number, string][] = [];
  const add = (code: string) => out.push([GENERIC[code][0], code]);
  if ((o.parameters ?? []).length || o.requestBody) add('validation_failed');
  add('invalid_token');
  // Participants are known by their device cookie (401 not_joined), and results answer 404 to strangers.
  if (who && !['public', 'calendarToken', 'participant', 'roundViewer'].includes(who)) add('unauthenticated');
  if (who && !NO_ROLE_CHECK.includes(who)) add('forbidden');
  if (WRITE.has(method)) add('read_only_token');
  if (who === 'session') add('session_required');
  if (path.includes('{')) add('not_found');
  if (hasVersion(o)) add('version_conflict');
  for (const e of own) {
    const [status, code] = e.split(' ');
    if (!out.some(([, c]) => c === code)) out.push([Number(status), code]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

function describeProperties(schema: Json, seen = new Set<Json>()) {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
  seen.add(schema);
  if (schema.properties && typeof schema.properties === 'object') {
    for (const [name, prop] of Object.entries<Json>(schema.properties)) {
      if (prop && typeof prop === 'object' && !prop.description && !prop.$ref) {
        const text = fieldDescription(name, prop.type);
        if (text) prop.description = text;
      }
    }
  }
  for (const v of Object.values(schema)) describeProperties(v, seen);
}

/**
 * Adds to the generated OpenAPI document what zod cannot say: each operation's summary, description,
 * callers and error codes (as `x-error-codes` and 4xx responses with the shared error schema), the
 * fields of multipart uploads, and a description for every field and parameter by its name.
 */
export function enrichOpenApi(doc: Json): Json {
  doc.info.description =
    'Die REST-API von Roter Faden. Skripte melden sich mit einem persönlichen API-Token an (im Profil erstellen, `Authorization: Bearer <token>`); es handelt mit der aktuellen Rolle seiner Person in seiner Kommune. Fehler haben die Form `{ "error": { "code", "message", "details", "requestId" } }`; `code` ist stabil, `message` folgt `Accept-Language` (Deutsch voreingestellt). Jede Operation nennt ihre Fehlercodes in `x-error-codes`.';
  doc.components ??= {};
  doc.components.schemas ??= {};
  doc.components.schemas.Error = ErrorSchema;
  doc.components.securitySchemes = {
    ...doc.components.securitySchemes,
    apiToken: { type: 'http', scheme: 'bearer', description: 'Persönliches API-Token (beginnt mit `rf_`), erstellt im Profil.' },
    session: { type: 'apiKey', in: 'cookie', name: 'rf_session', description: 'Sitzungs-Cookie nach `POST /auth/login` (die App im Browser).' },
  };
  for (const [path, ops] of Object.entries<Json>(doc.paths ?? {})) {
    for (const [method, o] of Object.entries<Json>(ops)) {
      const key = `${method.toUpperCase()} ${path}`;
      const d = OPERATIONS[key];
      o.tags ??= [path.split('/')[1]];
      if (d) {
        o.summary ??= d.summary;
        o.description ??= d.description;
        o.description += `\n\n**Berechtigt:** ${CALLERS[d.who]}.`;
        if (d.who !== 'public' && d.who !== 'calendarToken') o.security = d.who === 'session' ? [{ session: [] }] : [{ session: [] }, { apiToken: [] }];
      }
      const upload = MULTIPART[key];
      if (upload) {
        o.requestBody = { required: true, content: { 'multipart/form-data': { schema: { type: 'object', ...upload } } } };
      }
      const codes = errorCodes(method, path, o, d?.who, d?.errors ?? []);
      o['x-error-codes'] = codes.map(([status, code]) => ({ status, code }));
      o.responses ??= {};
      for (const status of new Set(codes.map(([s]) => s))) {
        const list = codes.filter(([s]) => s === status).map(([, c]) => `\`${c}\`${GENERIC[c] ? ` — ${GENERIC[c][1]}` : ''}`);
        o.responses[status] = { description: `Fehler: ${list.join('; ')}`, content: { 'application/json': { schema: ERROR_REF } } };
      }
      if (codes.length) o.description = `${o.description ?? ''}\n\n**Fehlercodes:** ${codes.map(([s, c]) => `${s} \`${c}\``).join(', ')}.`;
      for (const p of o.parameters ?? []) {
        if (!p.description) p.description = (p.in === 'path' && p.name === 'file' ? 'Das Token des Kalenderabos mit der Endung `.ics`.' : fieldDescription(p.name)) ?? undefined;
        if (p.schema && !p.schema.description && p.description) p.schema.description = p.description;
      }
      describeProperties(o.requestBody);
      describeProperties(o.responses);
    }
  }
  for (const { op, at, example } of EXAMPLES) {
    const [method, path] = op.split(' ');
    const o = doc.paths?.[path]?.[method.toLowerCase()];
    const media = at === 'request' ? o?.requestBody?.content?.['application/json'] : o?.responses?.[at]?.content?.['application/json'];
    if (media?.schema) media.schema.example = example;
  }
  describeProperties(doc.components);
  return doc;
}
