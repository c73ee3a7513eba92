import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { MeasureRoadmap, Roadmap } from '../../../contract/roadmap';

export const ROADMAP_KEY = 'roadmap';

export function useRoadmap(query: Record<string, string>) {
  return useQuery({ queryKey: [ROADMAP_KEY, query], queryFn: () => api.get<Roadmap>('/roadmap', query), placeholderData: keepPreviousData });
}

export function useMeasureRoadmap(measureId: string) {
  return useQuery({ queryKey: ['measure-roadmap', measureId], queryFn: () => api.get<MeasureRoadmap>(`/measures/${measureId}/roadmap`) });
}
