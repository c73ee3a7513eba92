import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ErrorMessage, ScrollTable, Spinner } from '../../components/ui';
import { StatusMessage } from '../../app/forms';
import { useFormat, useT } from '../../i18n/i18n';
import type { SessionList } from '../../../contract/security';
import { securityMessages } from './securityMessages';

const KEY = ['sessions'] as const;

/** Profile section: where I am signed in; end one session or all others. */
export function SessionsSection() {
  const t = useT(securityMessages);
  const f = useFormat();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: KEY, queryFn: () => api.get<SessionList>('/auth/sessions') });
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const sessions = list.data?.sessions ?? [];
  const others = sessions.filter((s) => !s.current).length;

  async function run(action: () => Promise<string>) {
    setMessage(null);
    setError(null);
    try {
      setMessage(await action());
    } catch (e) {
      setError(e);
    } finally {
      await qc.invalidateQueries({ queryKey: KEY });
    }
  }

  return (
    <section className="card" aria-labelledby="sessions-title" id="sessions">
      <h2 id="sessions-title" style={{ marginTop: 0 }}>{t('sessionsTitle')}</h2>
      {list.data && <p>{t('sessionsIntro', { n: list.data.idleMinutes })}</p>}
      <StatusMessage message={message} />
      <ErrorMessage error={error ?? list.error} />
      {!list.data ? <Spinner label={t('loadingSessions')} /> : (
        <>
          <ScrollTable label={t('sessionsTitle')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('browser')}</th>
                  <th scope="col">{t('network')}</th>
                  <th scope="col">{t('created')}</th>
                  <th scope="col">{t('lastActive')}</th>
                  <th scope="col"><span className="visually-hidden">{t('end')}</span></th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((s) => {
                  const browser = s.browser || t('unknownBrowser');
                  return (
                    <tr key={s.id} data-testid="session-row">
                      <td>{browser}{s.current && <> <strong>({t('thisDevice')})</strong></>}</td>
                      <td>{s.address || '–'}</td>
                      <td>{f.dateTime(s.createdAt)}</td>
                      <td>{f.dateTime(s.lastActiveAt)}</td>
                      <td>
                        {!s.current && (
                          <button type="button" className="btn small" aria-label={t('endLabel', { browser, date: f.dateTime(s.createdAt) })}
                            onClick={() => void run(async () => { await api.del(`/auth/sessions/${s.id}`); return t('ended'); })}>
                            {t('end')}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollTable>
          <div className="actions" style={{ marginTop: '1rem' }}>
            {others > 0 ? (
              <button type="button" className="btn"
                onClick={() => void run(async () => t('endedOthers', { n: (await api.post<{ ended: number }>('/auth/sessions/end-others')).ended }))}>
                {t('endOthers')}
              </button>
            ) : <p className="muted">{t('noOthers')}</p>}
          </div>
        </>
      )}
    </section>
  );
}
