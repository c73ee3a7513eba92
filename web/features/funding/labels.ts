import type { Locale } from '../../../domain/format';
import type { Level } from '../../../domain/financing';
import { AreaKind, SettlementType } from '../../../contract/concept';

/**
 * Display names of the funding vocabularies (contract/funding.ts), German and English. Kept here as
 * plain objects so that no zod schema ends up in the funding chunks.
 */
type Labels = Record<string, Record<Locale, string>>;

export const PROGRAMME_LEVELS = ['eu', 'federal', 'state', 'other'] as const;
export type ProgrammeLevel = (typeof PROGRAMME_LEVELS)[number];
export const PROGRAMME_LEVEL_LABELS: Labels = {
  eu: { de: 'EU', en: 'EU' },
  federal: { de: 'Bund', en: 'Federal' },
  state: { de: 'Land', en: 'State' },
  other: { de: 'Sonstige', en: 'Other' },
};

export const PROGRAMME_KINDS = ['grant', 'loan', 'prize'] as const;
export const PROGRAMME_KIND_LABELS: Labels = {
  grant: { de: 'Zuschuss', en: 'Grant' },
  loan: { de: 'Darlehen', en: 'Loan' },
  prize: { de: 'Preis / Wettbewerb', en: 'Prize / competition' },
};

export const APPLICANTS = ['municipality', 'municipal_enterprise', 'association', 'local_action_group', 'private'] as const;
export const APPLICANT_LABELS: Labels = {
  municipality: { de: 'Kommune', en: 'Municipality' },
  municipal_enterprise: { de: 'kommunales Unternehmen', en: 'Municipal enterprise' },
  association: { de: 'Verein/Verband', en: 'Association' },
  local_action_group: { de: 'Lokale Aktionsgruppe (LEADER)', en: 'Local action group (LEADER)' },
  private: { de: 'Private', en: 'Private persons and companies' },
};

export const SOURCE_KINDS = ['programme', 'municipal_budget', 'third_party'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const SOURCE_KIND_LABELS: Labels = {
  programme: { de: 'Förderprogramm', en: 'Funding programme' },
  municipal_budget: { de: 'Haushalt der Kommune', en: 'Municipal budget' },
  third_party: { de: 'Dritte', en: 'Third party' },
};

export const SOURCE_STATUSES = ['idea', 'preparing', 'applied', 'approved', 'rejected', 'paid_out'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];
export const SOURCE_STATUS_LABELS: Labels = {
  idea: { de: 'Idee', en: 'Idea' },
  preparing: { de: 'in Vorbereitung', en: 'In preparation' },
  applied: { de: 'beantragt', en: 'Applied for' },
  approved: { de: 'bewilligt', en: 'Approved' },
  rejected: { de: 'abgelehnt', en: 'Rejected' },
  paid_out: { de: 'ausgezahlt', en: 'Paid out' },
};

/** The five levels of a funding plan and the KoFi (domain/financing.ts). */
export const PLAN_LEVEL_LABELS: Record<Level, Record<Locale, string>> = {
  eu: { de: 'EU', en: 'EU' },
  federal: { de: 'Bund', en: 'Federal' },
  state: { de: 'Land', en: 'State' },
  municipality: { de: 'Kommune', en: 'Municipality' },
  third_party: { de: 'Dritte', en: 'Third parties' },
};

/** Kinds of designated funding areas (contract/concept.ts AreaKind): a district lies in areas of these kinds. */
export const AREA_KINDS = AreaKind.options;
export const AREA_KIND_LABELS: Labels = {
  lebendige_zentren: { de: 'Lebendige Zentren (Sanierungsgebiet der Städtebauförderung)', en: 'Lebendige Zentren (urban development funding: vibrant centres)' },
  sozialer_zusammenhalt: { de: 'Sozialer Zusammenhalt (Städtebauförderung)', en: 'Sozialer Zusammenhalt (urban development funding: social cohesion)' },
  wachstum_nachhaltige_erneuerung: { de: 'Wachstum und nachhaltige Erneuerung (Städtebauförderung)', en: 'Wachstum und nachhaltige Erneuerung (urban development funding: growth and renewal)' },
  leader: { de: 'LEADER-Gebiet', en: 'LEADER area' },
  efre: { de: 'EFRE-Gebiet (Nachhaltige Stadtentwicklung)', en: 'ERDF area (sustainable urban development)' },
  other: { de: 'anderes Fördergebiet (Programm nicht erfasst)', en: 'other funding area (programme not recorded)' },
};

/** Settlement types of a municipality (contract/concept.ts SettlementType). */
export const SETTLEMENT_TYPES = SettlementType.options;
export const SETTLEMENT_LABELS: Labels = {
  urban: { de: 'städtisch (Stadt)', en: 'urban (town or city)' },
  rural: { de: 'ländlich (ländliche Gemeinde)', en: 'rural (rural municipality)' },
};

