import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../api/client';
import type { Me } from '../../contract/auth';

export const ME_KEY = ['me'] as const;

/** Loads GET /auth/me. A 401 becomes a redirect: to /setup on first start, otherwise to /login. */
async function loadMe(): Promise<Me> {
  try {
    return await api.get<Me>('/auth/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      const setup = await api.get<{ needsSetup: boolean }>('/setup').catch(() => ({ needsSetup: false }));
      throw new ApiError(401, setup.needsSetup ? 'needs_setup' : 'unauthenticated', e.message, e.details);
    }
    throw e;
  }
}

/**
 * The signed-in user with the current municipality and all memberships (react-query key ['me']).
 * Redirects to /setup or /login when there is no session.
 */
export function useMe() {
  const navigate = useNavigate();
  const location = useLocation();
  const query = useQuery({ queryKey: ME_KEY, queryFn: loadMe, staleTime: 60_000, retry: false });
  const err = query.error;
  useEffect(() => {
    if (err instanceof ApiError && err.status === 401) {
      if (err.code === 'needs_setup') navigate('/setup', { replace: true });
      else {
        const next = location.pathname + location.search;
        navigate(next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login', { replace: true });
      }
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [err, navigate]);
  return query;
}

export interface Can {
  /** admin or coordinator: edit vision, dimensions, fields of action, goals, districts, departments */
  canEditConcept: boolean;
  /** may create a measure at all (department members only with their own department as lead) */
  canCreateMeasure: boolean;
  /** admin/coordinator, or a department member whose department leads the measure */
  canEditMeasure: (m: { leadDepartmentId: string | null } | null | undefined) => boolean;
  isAdmin: boolean;
  /** Excel/CSV import: coordinator or admin */
  canImport: boolean;
  role: Me['current']['role'] | null;
  departmentId: string | null;
}

export function permissions(me: Me | undefined | null): Can {
  const role = me?.current.role ?? null;
  const departmentId = me?.current.departmentId ?? null;
  const coordinatorPlus = role === 'admin' || role === 'coordinator';
  return {
    canEditConcept: coordinatorPlus,
    canCreateMeasure: coordinatorPlus || (role === 'department' && departmentId != null),
    canEditMeasure: (m) =>
      !!m && (coordinatorPlus || (role === 'department' && departmentId != null && m.leadDepartmentId === departmentId)),
    isAdmin: role === 'admin',
    canImport: coordinatorPlus,
    role,
    departmentId,
  };
}

/** What the current user may do in the current municipality. */
export function useCan(): Can {
  const { data } = useMe();
  return permissions(data);
}
