import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { notificationMessages } from './messages';
import { useUnreadCount } from './queries';
import './notifications.css';

/** The bell in the header: a link to the notifications, named with the unread count ("Benachrichtigungen, 3 ungelesen"). */
export function NotificationBell() {
  const t = useT(notificationMessages);
  const n = useUnreadCount().data ?? 0;
  const label = n === 0 ? t('bell') : n === 1 ? t('bellOneUnread') : t('bellUnread', { n });
  return (
    <Link to="/notifications" className="notification-bell" aria-label={label} title={label}>
      <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {n > 0 && <span className="notification-count" aria-hidden="true">{n > 99 ? '99+' : n}</span>}
    </Link>
  );
}
