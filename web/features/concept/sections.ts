import type { ActionField, Concept, Department, Dimension, District, Goal } from '../../../contract/concept';

/** The editable lists of the concept, by their URL segment (/concept/:section) and API path. */
export const SECTIONS = ['dimensions', 'action-fields', 'goals', 'districts', 'departments'] as const;
export type SectionSlug = (typeof SECTIONS)[number];

export const isSection = (s: string | undefined): s is SectionSlug => !!s && (SECTIONS as readonly string[]).includes(s);

export interface SectionItems {
  dimensions: Dimension;
  'action-fields': ActionField;
  goals: Goal;
  districts: District;
  departments: Department;
}
export type AnyItem = SectionItems[SectionSlug];

const LIST_KEY = {
  dimensions: 'dimensions',
  'action-fields': 'actionFields',
  goals: 'goals',
  districts: 'districts',
  departments: 'departments',
} as const satisfies Record<SectionSlug, keyof Concept>;

export function sectionItems<S extends SectionSlug>(concept: Concept, slug: S): SectionItems[S][] {
  return concept[LIST_KEY[slug]] as SectionItems[S][];
}

/** API path of a section: /dimensions, /action-fields, … */
export const sectionPath = (slug: SectionSlug) => `/${slug}`;

export const itemName = (item: AnyItem) => ('title' in item ? item.title : item.name);
