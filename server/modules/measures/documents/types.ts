import type { Locale } from '../../../../domain/format';

/** A measure with every id resolved to its display name, as documents and exports show it. */
export interface BriefView {
  number: number;
  title: string;
  need: string;
  goal: string;
  description: string;
  /** status key (`implementation`) or an already translated label – both are shown as the label */
  status: string;
  /** horizon key (`short`) or an already translated label */
  horizon: string | null;
  /** priority class key (`A`) or an already translated label; absent or null: not prioritised */
  priority?: string | null;
  costCents: number | null;
  plannedStart: string | null; // 'YYYY-MM-DD'
  plannedEnd: string | null; // 'YYYY-MM-DD'
  districts: string[];
  leadDepartment: string | null;
  partnerDepartments: string[];
  externalActors: string;
  targetGroups: string;
  goals: string[];
  actionFields: string[];
  dimensions: string[];
  origin: string;
  tags: string[];
  updatedAt: string; // ISO timestamp
}

export interface DocContext {
  municipalityName: string;
  locale: Locale;
  generatedAt: Date;
}
