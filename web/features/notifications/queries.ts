import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { NotificationPage } from '../../../contract/notifications';

export const NOTIFICATIONS_KEY = ['notifications'] as const;

/** The unread count for the bell: refreshed every minute and when the window gets focus again. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread'],
    queryFn: async () => (await api.get<NotificationPage>('/notifications', { pageSize: 1 })).unread,
    refetchInterval: 60_000,
    staleTime: 15_000,
  });
}
