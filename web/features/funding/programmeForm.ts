import { parseMoney } from '../../../domain/format';
import type { FundingProgramme, FundingProgrammeInput } from '../../../contract/funding';
import type { FieldErrors } from '../../app/forms';
import { centsToInput, parsePercent, percentToInput } from './util';

/** What the programme form edits: everything as typed (amounts in €, rates in %, topics comma-separated). */
export interface WindowRow {
  key: number;
  opensOn: string;
  closesOn: string;
  note: string;
}

export interface ProgrammeFormState {
  name: string;
  provider: string;
  level: FundingProgramme['level'];
  kind: FundingProgramme['kind'];
  rateText: string;
  ratePercent: string;
  rateWeakPercent: string;
  minAmount: string;
  maxAmount: string;
  applicants: string[];
  topics: string;
  requiresDesignatedArea: boolean;
  areaKinds: string[];
  settlementTypes: string[];
  typicalMin: string;
  typicalMax: string;
  climateRequirement: boolean;
  windows: WindowRow[];
  requiredDocuments: string;
  description: string;
  sourceUrl: string;
  lastChecked: string;
}

let nextKey = 1;
export const newWindow = (): WindowRow => ({ key: nextKey++, opensOn: '', closesOn: '', note: '' });

export function toForm(p: FundingProgramme | null): ProgrammeFormState {
  return {
    name: p?.name ?? '',
    provider: p?.provider ?? '',
    level: p?.level ?? 'federal',
    kind: p?.kind ?? 'grant',
    rateText: p?.rateText ?? '',
    ratePercent: percentToInput(p?.ratePercent),
    rateWeakPercent: percentToInput(p?.rateWeakPercent),
    minAmount: centsToInput(p?.minAmountCents),
    maxAmount: centsToInput(p?.maxAmountCents),
    applicants: p?.applicants ?? ['municipality'],
    topics: (p?.topics ?? []).join(', '),
    requiresDesignatedArea: p?.requiresDesignatedArea ?? false,
    areaKinds: p?.areaKinds ?? [],
    settlementTypes: p?.settlementTypes ?? [],
    typicalMin: centsToInput(p?.typicalMinCents),
    typicalMax: centsToInput(p?.typicalMaxCents),
    climateRequirement: p?.climateRequirement ?? false,
    windows: (p?.windows ?? []).map((w) => ({ key: nextKey++, opensOn: w.opensOn ?? '', closesOn: w.closesOn ?? '', note: w.note })),
    requiredDocuments: p?.requiredDocuments ?? '',
    description: p?.description ?? '',
    sourceUrl: p?.sourceUrl ?? '',
    lastChecked: p?.lastChecked ?? '',
  };
}

/** API field → form field, for the server's 400 details. */
export const SERVER_FIELD: Record<string, string> = {
  minAmountCents: 'minAmount', maxAmountCents: 'maxAmount', typicalMinCents: 'typicalMin', typicalMaxCents: 'typicalMax',
};

/** id of the control for a form field (window fields: `windows.<i>.<field>`). */
export const controlId = (field: string) => `programme-${field.replace(/\./g, '-')}`;

export type ErrorKey =
  | 'required' | 'percentInvalid' | 'amountInvalid' | 'minOverMax' | 'urlInvalid' | 'windowOrder' | 'windowEmpty' | 'topicTooLong';

/**
 * Checks the form and builds the request body. Errors are message keys per field, so that the page
 * can show them in the current language.
 */
export function fromForm(s: ProgrammeFormState): { body: FundingProgrammeInput | null; errors: Record<string, ErrorKey> } {
  const errors: Record<string, ErrorKey> = {};
  if (!s.name.trim()) errors.name = 'required';
  const rate = parsePercent(s.ratePercent);
  if (rate === 'invalid') errors.ratePercent = 'percentInvalid';
  const rateWeak = parsePercent(s.rateWeakPercent);
  if (rateWeak === 'invalid') errors.rateWeakPercent = 'percentInvalid';
  const money = (v: string, field: string) => {
    if (!v.trim()) return null;
    const c = parseMoney(v);
    if (c == null) errors[field] = 'amountInvalid';
    return c;
  };
  const min = money(s.minAmount, 'minAmount');
  const max = money(s.maxAmount, 'maxAmount');
  if (min != null && max != null && min > max) errors.maxAmount = 'minOverMax';
  const typicalMin = money(s.typicalMin, 'typicalMin');
  const typicalMax = money(s.typicalMax, 'typicalMax');
  if (typicalMin != null && typicalMax != null && typicalMin > typicalMax) errors.typicalMax = 'minOverMax';
  const url = s.sourceUrl.trim();
  if (url) {
    try {
      const u = new URL(url);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') errors.sourceUrl = 'urlInvalid';
    } catch {
      errors.sourceUrl = 'urlInvalid';
    }
  }
  const topics = [...new Set(s.topics.split(',').map((x) => x.trim()).filter(Boolean))];
  if (topics.some((x) => x.length > 80)) errors.topics = 'topicTooLong';
  s.windows.forEach((w, i) => {
    if (!w.opensOn && !w.closesOn && !w.note.trim()) errors[`windows.${i}.closesOn`] = 'windowEmpty';
    else if (w.opensOn && w.closesOn && w.closesOn < w.opensOn) errors[`windows.${i}.closesOn`] = 'windowOrder';
  });
  if (Object.keys(errors).length) return { body: null, errors };
  return {
    body: {
      name: s.name.trim(),
      provider: s.provider.trim(),
      level: s.level,
      kind: s.kind,
      rateText: s.rateText.trim(),
      ratePercent: rate as number | null,
      rateWeakPercent: rateWeak as number | null,
      minAmountCents: min,
      maxAmountCents: max,
      applicants: s.applicants as FundingProgrammeInput['applicants'],
      topics,
      requiresDesignatedArea: s.requiresDesignatedArea,
      areaKinds: s.areaKinds as FundingProgrammeInput['areaKinds'],
      settlementTypes: s.settlementTypes as FundingProgrammeInput['settlementTypes'],
      typicalMinCents: typicalMin,
      typicalMaxCents: typicalMax,
      climateRequirement: s.climateRequirement,
      windows: s.windows.map((w) => ({ opensOn: w.opensOn || null, closesOn: w.closesOn || null, note: w.note.trim() })),
      requiredDocuments: s.requiredDocuments.trim(),
      description: s.description.trim(),
      sourceUrl: url,
      lastChecked: s.lastChecked || null,
    },
    errors,
  };
}

/** Server 400 details → form field errors (window issues keep their row: `windows.<i>.<field>`). */
export function serverErrors(details: unknown): FieldErrors {
  const out: FieldErrors = {};
  const list = Array.isArray(details) ? details : [];
  for (const issue of list as { path?: unknown; message?: unknown }[]) {
    const path = Array.isArray(issue.path) ? issue.path.map(String) : [];
    const first = path[0] ?? '_form';
    const field = first === 'windows' && path.length >= 3 ? `windows.${path[1]}.${path[2]}` : (SERVER_FIELD[first] ?? first);
    if (!out[field]) out[field] = String(issue.message ?? '');
  }
  return out;
}
