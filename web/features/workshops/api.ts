import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/client';
import type { MeasureListItem } from '../../../contract/measures';
import type { Participant, Round, RoundResults, Workshop } from '../../../contract/workshops';

/** Query keys of the workshop feature (all start with 'workshops' so one invalidation reaches them). */
export const wsKeys = {
  list: ['workshops'] as const,
  one: (id: string) => ['workshops', id] as const,
  participants: (id: string) => ['workshops', id, 'participants'] as const,
  measures: (id: string) => ['workshops', id, 'measures'] as const,
  rounds: (id: string) => ['workshops', id, 'rounds'] as const,
  results: (roundId: string) => ['round-results', roundId] as const,
};

/** A brief written in a workshop: its group is `originGroupId`, dots and rank of the last round `dots`/`dotRank`. */
export type WorkshopBrief = MeasureListItem;

export const useWorkshops = () => useQuery({ queryKey: wsKeys.list, queryFn: () => api.get<Workshop[]>('/workshops') });
export const useWorkshop = (id: string) =>
  useQuery({ queryKey: wsKeys.one(id), queryFn: () => api.get<Workshop>(`/workshops/${id}`) });
export const useParticipants = (id: string) =>
  useQuery({ queryKey: wsKeys.participants(id), queryFn: () => api.get<Participant[]>(`/workshops/${id}/participants`) });
export const useWorkshopBriefs = (id: string) =>
  useQuery({ queryKey: wsKeys.measures(id), queryFn: () => api.get<WorkshopBrief[]>(`/workshops/${id}/measures`) });
export const useRounds = (id: string) =>
  useQuery({ queryKey: wsKeys.rounds(id), queryFn: () => api.get<Round[]>(`/workshops/${id}/rounds`) });
export const useRoundResults = (roundId: string, enabled = true) =>
  useQuery({ queryKey: wsKeys.results(roundId), queryFn: () => api.get<RoundResults>(`/rounds/${roundId}/results`), enabled });

/** Puts a workshop the server returned into the cache and marks the list stale. */
export function useStoreWorkshop() {
  const qc = useQueryClient();
  return useCallback(
    (w: Workshop) => {
      qc.setQueryData(wsKeys.one(w.id), w);
      void qc.invalidateQueries({ queryKey: wsKeys.list, exact: true });
    },
    [qc],
  );
}

/** The address participants open on their phones (also encoded in the QR code). */
export const joinUrl = (code: string) => `${window.location.origin}/join/${code}`;

/** "K7M-4QP" → "K 7 M, 4 Q P": screen readers spell the code instead of reading a word. */
export const spelledCode = (code: string) =>
  code
    .split('-')
    .map((part) => part.split('').join(' '))
    .join(', ');
