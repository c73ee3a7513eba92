import { useEffect, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ErrorMessage, Spinner } from '../../components/ui';
import { StatusMessage } from '../../app/forms';
import { useFormat, useT } from '../../i18n/i18n';
import type { NotificationKind, NotificationMode, NotificationPreferences } from '../../../contract/notifications';
import { KIND_LABELS, notificationMessages } from './messages';
import './notifications.css';

const KEY = ['notifications', 'preferences'] as const;
const MODES: NotificationMode[] = ['immediate', 'digest', 'off'];

/** Profile section: per kind of notification, e-mail at once, in the daily digest, or off. */
export function NotificationPreferencesSection() {
  const t = useT(notificationMessages);
  const f = useFormat();
  const qc = useQueryClient();
  const prefs = useQuery({ queryKey: KEY, queryFn: () => api.get<NotificationPreferences>('/notifications/preferences') });
  const [modes, setModes] = useState<Partial<Record<NotificationKind, NotificationMode>>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (prefs.data) setModes(Object.fromEntries(prefs.data.preferences.map((p) => [p.kind, p.mode])));
  }, [prefs.data]);

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setSaved(false);
    setError(null);
    setBusy(true);
    try {
      const next = await api.put<NotificationPreferences>('/notifications/preferences', {
        preferences: Object.entries(modes).map(([kind, mode]) => ({ kind, mode })),
      });
      qc.setQueryData(KEY, next);
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card notification-prefs" aria-labelledby="notifications-title" id="notifications" style={{ marginTop: '1rem' }}>
      <h2 id="notifications-title" style={{ marginTop: 0 }}>{t('prefsTitle')}</h2>
      <p>{t('prefsIntro')}</p>
      {prefs.data && !prefs.data.mailEnabled && <p className="muted">{t('prefsNoMail')}</p>}
      <StatusMessage message={saved ? t('saved') : null} />
      <ErrorMessage error={error ?? prefs.error} />
      {!prefs.data ? (
        <Spinner label={t('loadingPrefs')} />
      ) : (
        <form onSubmit={submit} noValidate aria-busy={busy}>
          {prefs.data.preferences.map((p) => (
            <fieldset key={p.kind} className="pref-row">
              <legend>
                {f.label(KIND_LABELS, p.kind)}
                {!p.emitted && <span className="muted" style={{ fontWeight: 400 }}> ({t('notYet')})</span>}
              </legend>
              <div className="pref-options">
                {MODES.map((m) => (
                  <label key={m}>
                    <input type="radio" name={`pref-${p.kind}`} value={m} checked={(modes[p.kind] ?? p.mode) === m}
                      onChange={() => { setModes((x) => ({ ...x, [p.kind]: m })); setSaved(false); }} />
                    {t(m)}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <div className="actions" style={{ marginTop: '1rem' }}>
            <button type="submit" className="btn primary" disabled={busy}>{t('save')}</button>
            {busy && <Spinner label={t('saving')} />}
          </div>
        </form>
      )}
    </section>
  );
}
