import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { NotificationPage } from '../../../contract/notifications';

export const NOTIFICATIONS_KEY = ['notifications'] as const;

/** The unread count for the bell (open invitations count too): refreshed every minute and when the window gets focus again. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread'],
    queryFn: async () => {
      const page = await api.get<NotificationPage>('/notifications', { pageSize: 1 });
      return page.unread + page.invitations;
    },
    refetchInterval: 60_000,
    staleTime: 15_000,
  });
}
