import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { DepartmentLoad, Matrix } from '../../../contract/responsibility';

export const MATRIX_KEY = 'responsibility';

export function useMatrix(query: Record<string, string>) {
  return useQuery({ queryKey: [MATRIX_KEY, 'matrix', query], queryFn: () => api.get<Matrix>('/responsibility', query), placeholderData: keepPreviousData });
}

export function useLoad(query: Record<string, string>) {
  return useQuery({ queryKey: [MATRIX_KEY, 'load', query], queryFn: () => api.get<DepartmentLoad[]>('/responsibility/load', query), placeholderData: keepPreviousData });
}
