import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useCan } from '../../app/session';
import type { TwoFactorStatus } from '../../../contract/security';

export const TWO_FACTOR_KEY = ['two-factor'] as const;

/**
 * An admin whose municipality requires two-factor sign-in and who has not set it up is taken to the
 * profile's two-factor section from any page (the server refuses everything else with 403 anyway).
 */
export function TwoFactorGuard() {
  const { isAdmin } = useCan();
  const navigate = useNavigate();
  const location = useLocation();
  const status = useQuery({ queryKey: TWO_FACTOR_KEY, queryFn: () => api.get<TwoFactorStatus>('/auth/two-factor'), enabled: isAdmin, staleTime: 60_000 });
  const held = Boolean(status.data?.required && !status.data.enabled);
  useEffect(() => {
    if (held && location.pathname !== '/profile') navigate('/profile#two-factor', { replace: true });
  }, [held, location.pathname, navigate]);
  return null;
}
