import { z } from 'zod';
import { INT_MAX, Id, IsoDate, Version, optionalUrl, requiredText, trimmed } from './common';
import { Cents, MeasureQuery, MeasureStatus, Priority } from './measures';
import { AreaKind, SettlementType } from './concept';

export { AreaKind, SettlementType };

export const FundingLevel = z.enum(['eu', 'federal', 'state', 'other']);
export const FundingKind = z.enum(['grant', 'loan', 'prize']);
/** Who may apply. */
export const ApplicantType = z.enum(['municipality', 'municipal_enterprise', 'association', 'local_action_group', 'private']);
export type ApplicantType = z.infer<typeof ApplicantType>;

/**
 * State of a match (domain/funding-match.ts): `eligible` (kommt in Frage), `check` (fits, but a
 * condition must be checked, e.g. the funding area), `no_fit` (no programme topic in the measure),
 * `not_eligible` (a hard condition fails).
 */
export const MatchState = z.enum(['eligible', 'check', 'no_fit', 'not_eligible']);

export const FundingWindow = z.object({
  opensOn: IsoDate.nullable(),
  /** application deadline */
  closesOn: IsoDate.nullable(),
  note: trimmed(300).default(''),
});
export type FundingWindow = z.infer<typeof FundingWindow>;

const programmeFields = {
  name: requiredText(300),
  provider: trimmed(300),
  level: FundingLevel,
  kind: FundingKind,
  /** the rate in words, e.g. "bis 75 %, 90 % für finanzschwache Kommunen" */
  rateText: trimmed(500),
  /** standard funding rate in percent (0–100) */
  ratePercent: z.number().min(0).max(100).nullable(),
  /** rate for financially weak municipalities, if the programme has one */
  rateWeakPercent: z.number().min(0).max(100).nullable(),
  minAmountCents: Cents.nullable(),
  maxAmountCents: Cents.nullable(),
  applicants: z.array(ApplicantType).max(10),
  /** what is funded: topics matched against a measure's fields of action, tags and text */
  topics: z.array(requiredText(80)).max(50),
  /** the programme only funds measures inside a designated funding area */
  requiresDesignatedArea: z.boolean(),
  /** climate protection or adaptation is a precondition */
  climateRequirement: z.boolean(),
  windows: z.array(FundingWindow).max(20),
  requiredDocuments: trimmed(5000),
  description: trimmed(5000),
  sourceUrl: optionalUrl(),
  lastChecked: IsoDate.nullable(),
};

/** Added later (migration 0015): optional on create, so older clients keep working. */
const placeFields = {
  /** with requiresDesignatedArea: the kinds of designated areas accepted (empty: any designation) */
  areaKinds: z.array(AreaKind).max(AreaKind.options.length),
  /** the kinds of municipality the programme is for (empty: any), e.g. LEADER only rural */
  settlementTypes: z.array(SettlementType).max(SettlementType.options.length),
  /** typical grant per project (not a legal limit); plan checks and the matcher warn outside it */
  typicalMinCents: Cents.nullable(),
  typicalMaxCents: Cents.nullable(),
};

export const FundingProgramme = z.object({ id: Id, ...programmeFields, ...placeFields, version: z.number().int() });
export type FundingProgramme = z.infer<typeof FundingProgramme>;
export const FundingProgrammeInput = z.object({
  ...programmeFields,
  areaKinds: placeFields.areaKinds.default([]),
  settlementTypes: placeFields.settlementTypes.default([]),
  typicalMinCents: placeFields.typicalMinCents.default(null),
  typicalMaxCents: placeFields.typicalMaxCents.default(null),
});
export type FundingProgrammeInput = z.infer<typeof FundingProgrammeInput>;
// no defaults here: a field not sent keeps its saved value
export const FundingProgrammeUpdate = z.object({ ...programmeFields, ...placeFields }).partial().extend({ version: Version });

/** One reason for or against a match, in plain words. */
export const MatchReason = z.object({ code: z.string(), text: z.string(), weight: z.number() });
export const ProgrammeMatch = z.object({
  programmeId: Id,
  programmeName: z.string(),
  /** 0–100: how well it fits (see domain/funding-match.ts) */
  score: z.number(),
  state: MatchState,
  /** state === 'eligible' (kept for older clients) */
  eligible: z.boolean(),
  for: z.array(MatchReason),
  against: z.array(MatchReason),
  /** conditions to check before applying, e.g. "Fördergebiet prüfen" (they make the state `check`) */
  check: z.array(MatchReason),
  /** expected grant for the measure's cost at the applicable rate, capped by the maximum */
  expectedGrantCents: z.number().nullable(),
  nextDeadline: IsoDate.nullable(),
});
export type ProgrammeMatch = z.infer<typeof ProgrammeMatch>;

export const SourceKind = z.enum(['programme', 'municipal_budget', 'third_party']);
export const SourceStatus = z.enum(['idea', 'preparing', 'applied', 'approved', 'rejected', 'paid_out']);

export const FundingSource = z.object({
  id: Id,
  kind: SourceKind,
  programmeId: Id.nullable(),
  /** for budget lines and third parties, e.g. "Haushalt 2027, Produkt 51.10" or "Stiftung X" */
  label: z.string(),
  status: SourceStatus,
  applicationDeadline: IsoDate.nullable(),
  /** amount per year: year → cents */
  amounts: z.record(z.string().regex(/^\d{4}$/), Cents),
  note: z.string(),
});
export type FundingSource = z.infer<typeof FundingSource>;

export const FundingSourceInput = z.object({
  kind: SourceKind,
  programmeId: Id.nullable().default(null),
  label: trimmed(300).default(''),
  status: SourceStatus.default('idea'),
  applicationDeadline: IsoDate.nullable().default(null),
  amounts: z.record(z.string().regex(/^\d{4}$/, 'Jahr als JJJJ'), Cents).default({}),
  note: trimmed(2000).default(''),
});

/** The whole plan of one measure is saved at once (with the measure's plan version). */
export const FundingPlanBody = z.object({ version: z.number().int().min(0).max(INT_MAX), sources: z.array(FundingSourceInput).max(50) });

export const FundingPlan = z.object({
  measureId: Id,
  costCents: z.number().nullable(),
  sources: z.array(FundingSource),
  /** checks in plain words: sources over the cost, missing programme, deadline after start, … */
  problems: z.array(z.object({ code: z.string(), message: z.string() })),
  totals: z.object({
    /** by level: eu, federal, state, municipality, third_party */
    byLevel: z.record(z.string(), z.number()),
    fundedCents: z.number(),
    /** Eigenanteil: municipal budget plus the uncovered rest */
    ownShareCents: z.number(),
    gapCents: z.number(),
  }),
  version: z.number().int(),
});
export type FundingPlan = z.infer<typeof FundingPlan>;

export const KofiRow = z.object({
  measureId: Id,
  number: z.number().int(),
  title: z.string(),
  costCents: z.number().nullable(),
  /** year → level → cents */
  byYear: z.record(z.string(), z.record(z.string(), z.number())),
  totals: FundingPlan.shape.totals,
});
export const Kofi = z.object({
  years: z.array(z.string()),
  levels: z.array(z.string()),
  rows: z.array(KofiRow),
  /** year → level → cents over all rows */
  sums: z.record(z.string(), z.record(z.string(), z.number())),
  totals: FundingPlan.shape.totals.extend({ costCents: z.number() }),
});
export type Kofi = z.infer<typeof Kofi>;

/** Application deadlines of the planned measures (sources with status idea or preparing). */
export const DeadlineKind = z.enum(['source', 'programme_window']);
export const Deadline = z.object({
  /** stable per source or programme window; the iCal UID */
  key: z.string(),
  date: IsoDate,
  /** calendar days from today (negative: passed) */
  daysLeft: z.number().int(),
  /** `source`: the plan source's own application deadline; `programme_window`: the programme's next window closing */
  kind: DeadlineKind,
  measure: z.object({ id: Id, number: z.number().int(), title: z.string(), leadDepartmentName: z.string().nullable() }),
  programmeId: Id.nullable(),
  /** the programme's name, or null for a budget line or third party (then see `sourceLabel`) */
  programmeName: z.string().nullable(),
  sourceLabel: z.string(),
  sourceStatus: SourceStatus,
  /** the programme window's note, e.g. "Aufruf 2027" */
  note: z.string(),
});
export type Deadline = z.infer<typeof Deadline>;

/** Dates as `2027-01-15` or `15.01.2027`. */
const QueryDate = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v.trim());
  return de ? `${de[3]}-${de[2].padStart(2, '0')}-${de[1].padStart(2, '0')}` : v.trim();
}, IsoDate);
export const DeadlineQuery = z
  .object({ from: QueryDate.optional(), to: QueryDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '„bis“ liegt vor „von“.', path: ['to'] });
export type DeadlineQuery = z.infer<typeof DeadlineQuery>;

/** The secret calendar subscription URL: shown when it is created or regenerated, otherwise only whether it exists. */
export const CalendarFeed = z.object({
  exists: z.boolean(),
  /** `https://…/api/v1/funding/calendar/<token>.ics`; null when the feed already existed (the token is kept only as a hash) */
  url: z.string().nullable(),
  /** the same as `webcal://` for one-click subscription */
  webcalUrl: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type CalendarFeed = z.infer<typeof CalendarFeed>;

/** Priority classes as `A,B` or repeated `priority=A&priority=B`. */
const PriorityList = z
  .union([z.string().max(100), z.array(z.string().max(10)).max(10)])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim().toUpperCase()).filter(Boolean))
  .pipe(z.array(z.enum(['A', 'B', 'C'])));

/** Filters of the KoFi and its exports: the measure list's filters (without paging and sorting) and the priority class. */
/** Language of reason and problem texts in funding answers (German unless asked otherwise). */
export const LangQuery = z.object({ lang: z.enum(['de', 'en']).default('de') });

export const KofiQuery = MeasureQuery.omit({ page: true, pageSize: true, sort: true }).extend({ priority: PriorityList.optional() });
export type KofiQuery = z.infer<typeof KofiQuery>;

/** One row of a programme import (row 1 is the header). */
export const ProgrammeImportRow = z.object({
  row: z.number().int(),
  name: z.string(),
  action: z.enum(['create', 'update', 'unchanged', 'error']),
  /** problems in plain German; the row (and so the whole import) is refused while there are any */
  errors: z.array(z.string()),
  /** German column names of the fields an update changes */
  changes: z.array(z.string()),
});
export type ProgrammeImportRow = z.infer<typeof ProgrammeImportRow>;
export const ProgrammeImportPreview = z.object({
  rows: z.array(ProgrammeImportRow),
  counts: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), error: z.number().int() }),
  /** problems of the whole file, e.g. missing columns */
  fileErrors: z.array(z.string()),
  /** true when the import can be committed */
  ok: z.boolean(),
});
export type ProgrammeImportPreview = z.infer<typeof ProgrammeImportPreview>;
export const ProgrammeImportResult = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
export type ProgrammeImportResult = z.infer<typeof ProgrammeImportResult>;

/** Which measures a saved search watches: all filters combine with AND, values of one filter with OR; empty = all. */
export const SavedSearchMeasureFilter = z.object({
  district: z.array(Id).max(100).default([]),
  actionField: z.array(Id).max(100).default([]),
  status: z.array(MeasureStatus).max(10).default([]),
  priority: z.array(Priority).max(3).default([]),
});
/** Which programmes: level, kind, and a topic word found in a programme's topics or name; empty = all. */
export const SavedSearchProgrammeFilter = z.object({
  level: z.array(FundingLevel).max(4).default([]),
  kind: z.array(FundingKind).max(3).default([]),
  topic: trimmed(80).default(''),
});
export const SavedSearchInput = z.object({
  name: requiredText(200),
  measureFilter: SavedSearchMeasureFilter.default({ district: [], actionField: [], status: [], priority: [] }),
  programmeFilter: SavedSearchProgrammeFilter.default({ level: [], kind: [], topic: '' }),
  /** one e-mail per catalogue change with new fits to the owner (when SMTP is configured) */
  notifyEmail: z.boolean().default(false),
});
export type SavedSearchInput = z.infer<typeof SavedSearchInput>;
/** Only the fields sent are changed (no defaults here: a missing filter keeps the saved one). */
export const SavedSearchUpdate = z.object({
  name: requiredText(200).optional(),
  measureFilter: SavedSearchMeasureFilter.optional(),
  programmeFilter: SavedSearchProgrammeFilter.optional(),
  notifyEmail: z.boolean().optional(),
  version: Version,
});
export const SavedSearch = z.object({
  id: Id,
  name: z.string(),
  measureFilter: SavedSearchMeasureFilter,
  programmeFilter: SavedSearchProgrammeFilter,
  notifyEmail: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
  /** fits not yet looked at */
  newCount: z.number().int(),
  totalCount: z.number().int(),
});
export type SavedSearch = z.infer<typeof SavedSearch>;

/** A (measure, programme) fit reported to a saved search after a catalogue change. */
export const SavedSearchHit = z.object({
  measureId: Id,
  measureNumber: z.number().int(),
  measureTitle: z.string(),
  programmeId: Id,
  programmeName: z.string(),
  score: z.number().int(),
  foundAt: z.string(),
  /** create, update or import */
  changeKind: z.string(),
  isNew: z.boolean(),
});
export type SavedSearchHit = z.infer<typeof SavedSearchHit>;
