import { z } from 'zod';
import { Id, text } from './common';

/** Import of measures from a spreadsheet: the fields a column can be mapped to. Lists use ";" (or "," between known names). */
export const IMPORT_FIELDS = [
  'title', 'need', 'goal', 'description', 'districts', 'leadDepartment', 'partnerDepartments',
  'externalActors', 'targetGroups', 'cost', 'horizon', 'plannedStart', 'plannedEnd', 'status',
  'goals', 'actionFields', 'dimensions', 'origin', 'tags',
] as const;
export const ImportField = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof ImportField>;
/** column header → field (or null to ignore the column) */
export const ImportMapping = z.record(text(500), ImportField.nullable());
export type ImportMapping = z.infer<typeof ImportMapping>;

/** Text encodings a CSV file may be read in: what Excel writes on Windows, on a Mac and as "Unicode text". */
export const IMPORT_ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-15', 'macintosh', 'utf-16le', 'utf-16be'] as const;
export const ImportEncoding = z.enum(IMPORT_ENCODINGS);
export type ImportEncoding = z.infer<typeof ImportEncoding>;
export const IMPORT_SEPARATORS = ['semicolon', 'comma', 'tab'] as const;
export const ImportSeparator = z.enum(IMPORT_SEPARATORS);
export type ImportSeparator = z.infer<typeof ImportSeparator>;

/** How the file was read: detected, or as chosen in the preview. */
export const ImportSource = z.object({
  format: z.enum(['csv', 'xlsx']),
  /** null for Excel workbooks, which carry their own encoding */
  encoding: ImportEncoding.nullable(),
  detectedEncoding: ImportEncoding.nullable(),
  /** the file starts with a byte order mark */
  bom: z.boolean(),
  separator: ImportSeparator.nullable(),
  detectedSeparator: ImportSeparator.nullable(),
  /** characters that cannot be right in this encoding (control characters, U+FFFD): a hint to choose another */
  suspectCharacters: z.number().int(),
});
export type ImportSource = z.infer<typeof ImportSource>;

/** What an imported value is matched against: an item of the concept, or a fixed vocabulary. */
export const IMPORT_VALUE_KINDS = ['district', 'department', 'actionField', 'dimension', 'goal', 'status', 'horizon'] as const;
export const ImportValueKind = z.enum(IMPORT_VALUE_KINDS);
export type ImportValueKind = z.infer<typeof ImportValueKind>;
/** the kinds that are items of the concept and may be created by the import */
export const CREATABLE_KINDS: readonly ImportValueKind[] = ['district', 'department', 'actionField', 'dimension', 'goal'];

/**
 * A person's decision for a value of the file that is not a name of the concept: create it, take it as an existing
 * item (`target`: its id, or the vocabulary key such as "implementation"), or leave it out of the measures.
 */
export const ImportResolution = z.discriminatedUnion('action', [
  z.object({ action: z.literal('create') }),
  z.object({ action: z.literal('map'), target: text(100).min(1) }),
  z.object({ action: z.literal('ignore') }),
]);
export type ImportResolution = z.infer<typeof ImportResolution>;
/** kind → value as written in the file → decision */
export const ImportResolutions = z.partialRecord(ImportValueKind, z.record(text(500), ImportResolution));
export type ImportResolutions = z.infer<typeof ImportResolutions>;

export const ImportValue = z.object({
  kind: ImportValueKind,
  value: z.string(),
  /** rows (as in the spreadsheet) that use it, the first few */
  rows: z.array(z.number().int()),
  count: z.number().int(),
  /** the decision in effect: the one sent, else the proposal (null: none possible, the rows are in error) */
  resolution: ImportResolution.nullable(),
  /** true when the decision was sent by the client, false when it is only proposed */
  confirmed: z.boolean(),
  /** close existing items or vocabulary entries, best first */
  candidates: z.array(z.object({ target: z.string(), name: z.string(), score: z.number() })),
});
export type ImportValue = z.infer<typeof ImportValue>;

export const ImportRowError = z.object({
  /** spreadsheet row (the header is row 1, or where it stands) */
  row: z.number().int(),
  /** the row's own running number ("Nr.") if the file has such a column */
  number: z.string().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportPreview = z.object({
  headers: z.array(z.string()),
  mapping: ImportMapping,
  source: ImportSource,
  rowCount: z.number().int(),
  sample: z.array(z.object({ row: z.number().int(), title: z.string(), costCents: z.number().nullable(), districts: z.array(z.string()) })),
  /** values that need a decision: new names to create or map, and words to map to the vocabulary */
  values: z.array(ImportValue),
  errors: z.array(ImportRowError),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = z.object({
  imported: z.number().int(),
  /** concept items the import created (left out when none) */
  created: z.array(z.object({ kind: ImportValueKind, id: Id, name: z.string() })).optional(),
});
export type ImportResult = z.infer<typeof ImportResult>;
