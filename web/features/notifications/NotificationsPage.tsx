import { useState } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ErrorMessage, PageHeader, Spinner } from '../../components/ui';
import { StatusMessage } from '../../app/forms';
import { usePageTitle } from '../../app/title';
import { useFormat, useT } from '../../i18n/i18n';
import type { Invitation, NotificationPage } from '../../../contract/notifications';
import { ROLE_LABELS } from '../../../domain/labels';
import { ME_KEY } from '../../app/session';
import { notificationMessages } from './messages';
import { NOTIFICATIONS_KEY } from './queries';
import './notifications.css';

const PAGE_SIZE = 20;

/** The person's notifications in this municipality, newest first: read one, read all, page through. */
export default function NotificationsPage() {
  const t = useT(notificationMessages);
  const f = useFormat();
  usePageTitle(t('title'));
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const list = useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list', page, unreadOnly],
    queryFn: () => api.get<NotificationPage>('/notifications', { page, pageSize: PAGE_SIZE, unread: unreadOnly ? 'true' : undefined }),
    placeholderData: keepPreviousData,
  });
  const invitations = useQuery({ queryKey: [...NOTIFICATIONS_KEY, 'invitations'], queryFn: () => api.get<Invitation[]>('/invitations') });

  async function act(fn: () => Promise<unknown>, done: string) {
    setMessage(null);
    setError(null);
    try {
      await fn();
      setMessage(done);
    } catch (e) {
      setError(e);
    } finally {
      await qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
    }
  }

  async function answer(inv: Invitation, accept: boolean) {
    await act(async () => {
      await api.post(`/invitations/${inv.id}/${accept ? 'accept' : 'decline'}`);
      // a new membership: the municipality switch in the header lists it
      if (accept) await qc.invalidateQueries({ queryKey: ME_KEY });
    }, t(accept ? 'accepted' : 'declined', { municipality: inv.municipalityName }));
  }

  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <>
      <PageHeader
        title={t('title')}
        actions={
          data && data.unread > 0 ? (
            <button type="button" className="btn" onClick={() => void act(() => api.post('/notifications/read-all'), t('markedAll'))}>
              {t('allRead')}
            </button>
          ) : undefined
        }
      />
      <p>
        {t('intro')} <Link to="/profile#notifications">{t('settingsLink')}</Link>
      </p>
      <StatusMessage message={message} />
      {invitations.data && invitations.data.length > 0 && (
        <section className="card" aria-labelledby="invitations-title" style={{ marginBottom: '1rem' }}>
          <h2 id="invitations-title" style={{ marginTop: 0, fontSize: '1.1rem' }}>{t('invitationsTitle')}</h2>
          <p className="muted">{t('invitationHint')}</p>
          <ul className="notification-list">
            {invitations.data.map((inv) => (
              <li key={inv.id} className="unread" data-testid="invitation">
                <span className="notification-text">
                  {t(inv.departmentName ? 'invitationDept' : 'invitation', {
                    by: inv.invitedBy, municipality: inv.municipalityName, role: f.label(ROLE_LABELS, inv.role), department: inv.departmentName ?? '',
                  })}
                  <span className="notification-meta muted">{f.dateTime(inv.createdAt)}</span>
                </span>
                <span className="actions">
                  <button type="button" className="btn small primary" aria-label={t('acceptLabel', { municipality: inv.municipalityName })} onClick={() => void answer(inv, true)}>
                    {t('accept')}
                  </button>
                  <button type="button" className="btn small" aria-label={t('declineLabel', { municipality: inv.municipalityName })} onClick={() => void answer(inv, false)}>
                    {t('decline')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ErrorMessage error={error ?? list.error} />
      <div className="field">
        <label>
          <input type="checkbox" checked={unreadOnly} onChange={(e) => { setUnreadOnly(e.target.checked); setPage(1); }} /> {t('onlyUnread')}
        </label>
      </div>
      {!data ? (
        <Spinner label={t('loading')} />
      ) : (
        <section className="card" aria-labelledby="notifications-count">
          <h2 id="notifications-count" style={{ marginTop: 0, fontSize: '1.1rem' }}>{t('unreadCount', { n: data.unread })}</h2>
          {data.items.length === 0 ? (
            <p className="muted">{unreadOnly ? t('noneUnread') : t('none')}</p>
          ) : (
            <ul className="notification-list">
              {data.items.map((n) => (
                <li key={n.id} className={n.readAt ? 'read' : 'unread'} data-testid="notification">
                  <span className="notification-text">
                    {n.link ? <Link to={n.link}>{n.title}</Link> : n.title}
                    <span className="notification-meta muted">
                      {f.dateTime(n.createdAt)} · {n.readAt ? t('read') : t('unread')}
                    </span>
                  </span>
                  {!n.readAt && (
                    <button type="button" className="btn small" aria-label={t('markReadLabel', { title: n.title })}
                      onClick={() => void act(() => api.post(`/notifications/${n.id}/read`), t('markedOne'))}>
                      {t('markRead')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {pages > 1 && (
            <nav aria-label={t('paging')} className="actions" style={{ marginTop: '1rem' }}>
              <button type="button" className="btn small" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>{t('previous')}</button>
              <span>{t('pageOf', { page, pages })}</span>
              <button type="button" className="btn small" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>{t('next')}</button>
            </nav>
          )}
        </section>
      )}
    </>
  );
}
