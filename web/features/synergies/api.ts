import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/client';
import type { Neighbours, PairRecord, RelatedMeasure, SynergyPage, SynergyQueryInput } from '../../../contract/synergies';
import type { MeasureDetail } from '../../../contract/measures';

export function useSynergies(query: SynergyQueryInput) {
  return useQuery({
    queryKey: ['synergies', query],
    queryFn: () => api.get<SynergyPage>('/synergies', query as Record<string, string | number>),
    placeholderData: keepPreviousData,
  });
}

export function useNeighbours(departmentId: string | null) {
  return useQuery({
    queryKey: ['synergy-neighbours', departmentId],
    queryFn: () => api.get<Neighbours>('/synergies/in-my-districts', { department: departmentId }),
    enabled: !!departmentId,
  });
}

export function useRelated(measureId: string) {
  return useQuery({ queryKey: ['related', measureId], queryFn: () => api.get<RelatedMeasure[]>(`/measures/${measureId}/related`) });
}

export const synergyActions = {
  relate: (a: string, b: string) => api.post<PairRecord>('/synergies/relations', { measureIds: [a, b] }),
  unlink: (a: string, b: string) => api.del(`/synergies/relations/${a}/${b}`),
  dismiss: (a: string, b: string) => api.post<PairRecord>('/synergies/dismissals', { measureIds: [a, b] }),
  restore: (a: string, b: string) => api.del(`/synergies/dismissals/${a}/${b}`),
  merge: (keep: { id: string; version: number }, dup: { id: string; version: number }) =>
    api.post<MeasureDetail>(`/measures/${keep.id}/merge`, { duplicateId: dup.id, version: keep.version, duplicateVersion: dup.version }),
};

/** After any pair action: lists, related sections and (after a merge) measures are stale. */
export function useInvalidateSynergies() {
  const qc = useQueryClient();
  return useCallback(
    (merged?: string) => {
      void qc.invalidateQueries({ queryKey: ['synergies'] });
      void qc.invalidateQueries({ queryKey: ['related'] });
      void qc.invalidateQueries({ queryKey: ['synergy-neighbours'] });
      if (merged) {
        qc.removeQueries({ queryKey: ['measure', merged] });
        void qc.invalidateQueries({ queryKey: ['measure'] });
        void qc.invalidateQueries({ queryKey: ['measures'] });
        void qc.invalidateQueries({ queryKey: ['map'] });
      }
    },
    [qc],
  );
}
