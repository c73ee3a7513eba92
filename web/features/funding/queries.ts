import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/client';
import type { FundingPlan, FundingProgramme, Kofi, ProgrammeMatch } from '../../../contract/funding';

/** GET /funding-programmes/:id/measures: a programme match plus the measure it is about. */
export type MeasureMatch = ProgrammeMatch & { measureId: string; number: number; title: string };

export const PROGRAMMES_KEY = ['funding-programmes'] as const;

/** The municipality's catalogue (sorted by name by the server). */
export function useProgrammes() {
  return useQuery({ queryKey: PROGRAMMES_KEY, queryFn: () => api.get<FundingProgramme[]>('/funding-programmes'), staleTime: 60_000 });
}

export function useProgramme(id: string) {
  return useQuery({ queryKey: ['funding-programme', id], queryFn: () => api.get<FundingProgramme>(`/funding-programmes/${id}`), enabled: !!id });
}

export function useProgrammeMeasures(id: string, enabled = true) {
  return useQuery({
    queryKey: ['funding-programme', id, 'measures'],
    queryFn: () => api.get<MeasureMatch[]>(`/funding-programmes/${id}/measures`),
    enabled: !!id && enabled,
  });
}

export function useMatches(measureId: string) {
  return useQuery({ queryKey: ['funding-matches', measureId], queryFn: () => api.get<ProgrammeMatch[]>(`/measures/${measureId}/funding-matches`) });
}

export function usePlan(measureId: string) {
  return useQuery({ queryKey: ['funding-plan', measureId], queryFn: () => api.get<FundingPlan>(`/measures/${measureId}/funding-plan`) });
}

export function useKofi(query: Record<string, string | string[]>) {
  return useQuery({ queryKey: ['kofi', query], queryFn: () => api.get<Kofi>('/kofi', query), placeholderData: keepPreviousData });
}

/**
 * After a programme was created, changed or deleted: everything that shows programmes is stale.
 * `deletedId` is left alone (refetching it would only answer 404).
 */
export function useInvalidateFunding() {
  const qc = useQueryClient();
  return useCallback((deletedId?: string) => {
    void qc.invalidateQueries({ queryKey: PROGRAMMES_KEY });
    void qc.invalidateQueries({ queryKey: ['funding-programme'], predicate: (q) => q.queryKey[1] !== deletedId });
    void qc.invalidateQueries({ queryKey: ['funding-matches'] });
    void qc.invalidateQueries({ queryKey: ['funding-plan'] });
    void qc.invalidateQueries({ queryKey: ['kofi'] });
  }, [qc]);
}
