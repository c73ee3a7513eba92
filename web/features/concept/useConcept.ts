import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/client';
import type { Concept } from '../../../contract/concept';

export const CONCEPT_KEY = ['concept'] as const;

/** GET /concept: the municipality and all lists of the concept in one request. */
export function useConcept() {
  return useQuery({ queryKey: CONCEPT_KEY, queryFn: () => api.get<Concept>('/concept') });
}

/** After a write: the concept and everything that shows its names (dashboard, lists) is stale. */
export function useInvalidateConcept() {
  const qc = useQueryClient();
  return useCallback(() => {
    void qc.invalidateQueries({ queryKey: CONCEPT_KEY });
    void qc.invalidateQueries({ queryKey: ['dashboard'] });
  }, [qc]);
}
