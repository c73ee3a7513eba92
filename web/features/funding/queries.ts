import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/client';
import { useLocale } from '../../i18n/i18n';
import type { FundingPlan, FundingProgramme, Kofi, ProgrammeMatch, SavedSearch, SavedSearchHit } from '../../../contract/funding';

/** GET /funding-programmes/:id/measures: a programme match plus the measure it is about. */
export type MeasureMatch = ProgrammeMatch & { measureId: string; number: number; title: string };

export const PROGRAMMES_KEY = ['funding-programmes'] as const;
export const SAVED_SEARCHES_KEY = ['saved-searches'] as const;

/** The municipality's catalogue (sorted by name by the server). */
export function useProgrammes() {
  return useQuery({ queryKey: PROGRAMMES_KEY, queryFn: () => api.get<FundingProgramme[]>('/funding-programmes'), staleTime: 60_000 });
}

export function useProgramme(id: string) {
  return useQuery({ queryKey: ['funding-programme', id], queryFn: () => api.get<FundingProgramme>(`/funding-programmes/${id}`), enabled: !!id });
}

// Reasons and plan problems come in the UI's language (?lang=), so the language is part of their keys.

export function useProgrammeMeasures(id: string, enabled = true) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['funding-programme', id, 'measures', locale],
    queryFn: () => api.get<MeasureMatch[]>(`/funding-programmes/${id}/measures`, { lang: locale }),
    enabled: !!id && enabled,
  });
}

export function useMatches(measureId: string) {
  const { locale } = useLocale();
  return useQuery({ queryKey: ['funding-matches', measureId, locale], queryFn: () => api.get<ProgrammeMatch[]>(`/measures/${measureId}/funding-matches`, { lang: locale }) });
}

export const planKey = (measureId: string, locale: string) => ['funding-plan', measureId, locale];

export function usePlan(measureId: string) {
  const { locale } = useLocale();
  return useQuery({ queryKey: planKey(measureId, locale), queryFn: () => api.get<FundingPlan>(`/measures/${measureId}/funding-plan`, { lang: locale }) });
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
    // a programme change may have produced new saved-search hits
    void qc.invalidateQueries({ queryKey: SAVED_SEARCHES_KEY });
  }, [qc]);
}

// ---- saved searches ("Gespeicherte Suchen")


export function useSavedSearches(enabled = true) {
  return useQuery({ queryKey: SAVED_SEARCHES_KEY, queryFn: () => api.get<SavedSearch[]>('/saved-searches'), enabled });
}

export function useSavedSearch(id: string) {
  return useQuery({ queryKey: [...SAVED_SEARCHES_KEY, id], queryFn: () => api.get<SavedSearch>(`/saved-searches/${id}`) });
}

export function useSavedSearchHits(id: string) {
  return useQuery({ queryKey: [...SAVED_SEARCHES_KEY, id, 'hits'], queryFn: () => api.get<SavedSearchHit[]>(`/saved-searches/${id}/hits`) });
}

/** New hits over the user's saved searches (for the count next to the navigation entry). */
export function useUnseenHits(enabled: boolean) {
  return useQuery({ queryKey: [...SAVED_SEARCHES_KEY, 'unseen'], queryFn: () => api.get<{ count: number }>('/saved-searches/unseen'), enabled, staleTime: 30_000 });
}
