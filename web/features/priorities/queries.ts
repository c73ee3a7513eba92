import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CriteriaSet, RoundOptions, ScoringRoundDetail, ScoringRoundSummary } from '../../../contract/priorities';

export const ROUNDS_KEY = ['priority-rounds'] as const;
export const roundKey = (id: string) => ['priority-round', id] as const;
export const CRITERIA_KEY = ['priority-criteria'] as const;

export function useRounds() {
  return useQuery({ queryKey: ROUNDS_KEY, queryFn: () => api.get<ScoringRoundSummary[]>('/priorities/rounds') });
}

export function useRound(id: string) {
  return useQuery({ queryKey: roundKey(id), queryFn: () => api.get<ScoringRoundDetail>(`/priorities/rounds/${id}`), enabled: !!id, retry: false });
}

export function useCriteria() {
  return useQuery({ queryKey: CRITERIA_KEY, queryFn: () => api.get<CriteriaSet>('/priorities/criteria') });
}

export function useRoundOptions(enabled: boolean) {
  return useQuery({ queryKey: ['priority-round-options'], queryFn: () => api.get<RoundOptions>('/priorities/round-options'), enabled });
}

/** Formats a 0..100 value with one decimal in German style ("57,8"); "–" for none. */
export function num(v: number | null | undefined, locale: 'de' | 'en') {
  if (v == null) return '–';
  return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(v);
}
