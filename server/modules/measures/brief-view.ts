import type { Concept } from '../../../contract/concept';
import type { Measure } from '../../../contract/measures';
import type { Locale } from '../../../domain/format';
import { HORIZON_LABELS, PRIORITY_LABELS, STATUS_LABELS } from '../../../domain/labels';
import type { BriefView } from './documents/types';

/** Resolves a measure's ids to names once per document, with maps built from the concept. */
export function briefViewer(concept: Concept, locale: Locale) {
  const names = (items: { id: string; name?: string; title?: string }[]) => new Map(items.map((i) => [i.id, (i.name ?? i.title)!]));
  const d = names(concept.districts);
  const dep = names(concept.departments);
  const g = names(concept.goals);
  const af = names(concept.actionFields);
  const dim = names(concept.dimensions);
  const pick = (map: Map<string, string>, ids: string[]) => ids.map((id) => map.get(id)).filter((n): n is string => !!n);
  return (m: Measure): BriefView => ({
    number: m.number,
    title: m.title,
    need: m.need,
    goal: m.goal,
    description: m.description,
    status: STATUS_LABELS[m.status]?.[locale] ?? m.status,
    horizon: m.horizon ? (HORIZON_LABELS[m.horizon]?.[locale] ?? m.horizon) : null,
    priority: m.priority ? (PRIORITY_LABELS[m.priority]?.[locale] ?? m.priority) : null,
    costCents: m.costCents,
    plannedStart: m.plannedStart,
    plannedEnd: m.plannedEnd,
    districts: pick(d, m.districtIds),
    leadDepartment: m.leadDepartmentId ? (dep.get(m.leadDepartmentId) ?? null) : null,
    partnerDepartments: pick(dep, m.partnerDepartmentIds),
    externalActors: m.externalActors,
    targetGroups: m.targetGroups,
    goals: pick(g, m.goalIds),
    actionFields: pick(af, m.actionFieldIds),
    dimensions: pick(dim, m.dimensionIds),
    origin: m.origin,
    tags: m.tags,
    updatedAt: m.updatedAt,
  });
}
