import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ErrorMessage, PageHeader, ScrollTable, Spinner } from '../../components/ui';
import { StatusMessage } from '../../app/forms';
import { usePageTitle } from '../../app/title';
import { useFormat, useT } from '../../i18n/i18n';
import type { OutboxMail, OutboxPage as Page, OutboxStatus } from '../../../contract/notifications';
import { notificationMessages } from './messages';
import './notifications.css';

const KEY = ['mail-outbox'] as const;
const STATUSES: OutboxStatus[] = ['failed', 'pending', 'sending', 'sent'];

/** Admin: the municipality's e-mails in the outbox; failures with their error and a retry. */
export default function OutboxPage() {
  const t = useT(notificationMessages);
  const f = useFormat();
  usePageTitle(t('outboxTitle'));
  const qc = useQueryClient();
  const [status, setStatus] = useState<OutboxStatus | ''>('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const list = useQuery({
    queryKey: [...KEY, status],
    queryFn: () => api.get<Page>('/admin/mail-outbox', { status: status || undefined, pageSize: 100 }),
    placeholderData: keepPreviousData,
  });

  async function retry(m: OutboxMail) {
    setMessage(null);
    setError(null);
    try {
      await api.post(`/admin/mail-outbox/${m.id}/retry`);
      setMessage(t('retried', { recipient: m.recipient }));
    } catch (e) {
      setError(e);
    } finally {
      await qc.invalidateQueries({ queryKey: KEY });
    }
  }

  const data = list.data;
  return (
    <>
      <PageHeader title={t('outboxTitle')} />
      <p>{t('outboxIntro')}</p>
      {data && !data.mailEnabled && <p className="muted">{t('outboxNoMail')}</p>}
      {data && data.failed > 0 && (
        <p role="status"><strong>{data.failed === 1 ? t('outboxOneFailed') : t('outboxFailed', { n: data.failed })}</strong></p>
      )}
      <StatusMessage message={message} />
      <ErrorMessage error={error ?? list.error} />
      <div className="field">
        <label htmlFor="outbox-status">{t('filter')}</label>
        <select id="outbox-status" value={status} onChange={(e) => setStatus(e.target.value as OutboxStatus | '')}>
          <option value="">{t('all')}</option>
          {STATUSES.map((s) => <option key={s} value={s}>{t(s)}</option>)}
        </select>
      </div>
      {!data ? (
        <Spinner label={t('loadingOutbox')} />
      ) : data.items.length === 0 ? (
        <p className="muted">{t('noMails')}</p>
      ) : (
        <ScrollTable label={t('outboxTitle')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('created')}</th>
                <th scope="col">{t('recipient')}</th>
                <th scope="col">{t('subject')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('attempts')}</th>
                <th scope="col">{t('lastError')}</th>
                <th scope="col"><span className="visually-hidden">{t('retry')}</span></th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((m) => (
                <tr key={m.id} data-testid="outbox-row">
                  <td>{f.dateTime(m.createdAt)}</td>
                  <td>{m.recipient}</td>
                  <td>{m.subject}</td>
                  <td>
                    {m.status === 'failed' ? <strong>{t('failed')}</strong> : t(m.status)}
                    {m.status === 'pending' && m.nextAttemptAt && m.attempts > 0 && <span className="muted"> ({t('nextAttempt', { when: f.dateTime(m.nextAttemptAt) })})</span>}
                  </td>
                  <td>{m.attempts}</td>
                  <td className="outbox-error">{m.lastError ?? '–'}</td>
                  <td>
                    {m.status === 'failed' && (
                      <button type="button" className="btn small" aria-label={t('retryLabel', { subject: m.subject, recipient: m.recipient })} onClick={() => void retry(m)}>
                        {t('retry')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}
