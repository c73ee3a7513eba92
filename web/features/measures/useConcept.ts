import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Concept } from '../../../contract/concept';

/** GET /concept: the municipality and all lists (same key as the concept pages use). */
export function useConcept() {
  return useQuery({ queryKey: ['concept'], queryFn: () => api.get<Concept>('/concept'), staleTime: 60_000 });
}

export interface Option {
  id: string;
  label: string;
}

export interface ConceptNames {
  districts: Option[];
  departments: Option[];
  actionFields: Option[];
  goals: Option[];
  dimensions: Option[];
  /** id → display name for any concept item */
  name: (id: string | null | undefined) => string;
  names: (ids: readonly string[] | null | undefined) => string[];
  /** Short name of a department for tight spaces (table cells). */
  deptShort: (id: string | null | undefined) => string;
}

/** Options for forms and filters, and id → name lookups, from the concept. */
export function useConceptNames(): { names: ConceptNames; concept: Concept | undefined; isPending: boolean; error: unknown } {
  const q = useConcept();
  const names = useMemo(() => buildNames(q.data), [q.data]);
  return { names, concept: q.data, isPending: q.isPending, error: q.error };
}

function buildNames(c: Concept | undefined): ConceptNames {
  const byId = new Map<string, string>();
  const short = new Map<string, string>();
  const opts = <T extends { id: string; position?: number }>(list: T[] | undefined, label: (x: T) => string) =>
    [...(list ?? [])]
      .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
      .map((x) => {
        byId.set(x.id, label(x));
        return { id: x.id, label: label(x) };
      });
  const districts = opts(c?.districts, (d) => d.name).sort((a, b) => a.label.localeCompare(b.label, 'de'));
  const departments = opts(c?.departments, (d) => d.name).sort((a, b) => a.label.localeCompare(b.label, 'de'));
  for (const d of c?.departments ?? []) short.set(d.id, d.shortName || d.name);
  const actionFields = opts(c?.actionFields, (a) => a.name);
  const goals = opts(c?.goals, (g) => g.title);
  const dimensions = opts(c?.dimensions, (d) => d.name);
  const name = (id: string | null | undefined) => (id ? (byId.get(id) ?? '?') : '–');
  return {
    districts,
    departments,
    actionFields,
    goals,
    dimensions,
    name,
    names: (ids) => (ids ?? []).map((id) => byId.get(id) ?? '?'),
    deptShort: (id) => (id ? (short.get(id) ?? byId.get(id) ?? '?') : '–'),
  };
}
