import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { ErrorMessage, PageHeader, Spinner } from '../../components/ui';
import { useFormat, useLocale, useT } from '../../i18n/i18n';
import type { Me } from '../../../contract/auth';
import type { Locale } from '../../../domain/format';
import { ROLE_LABELS } from '../../../domain/labels';
import { StatusMessage, TextField, issuesToErrors, type FieldErrors } from '../../app/forms';
import { ME_KEY, useMe } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { authMessages } from './messages';
import { ApiTokensSection } from './ApiTokensSection';
import { TwoFactorSection } from './TwoFactorSection';
import { SessionsSection } from './SessionsSection';
import { MyDataSection } from '../privacy/MyDataSection';
import { NotificationPreferencesSection } from '../notifications/PreferencesSection';

export default function ProfilePage() {
  const t = useT(authMessages);
  usePageTitle(t('profileTitle'));
  const { data: me } = useMe();
  if (!me) return <Spinner label={t('loadingProfile')} />;
  return <ProfileForm me={me} />;
}

function ProfileForm({ me }: { me: Me }) {
  const t = useT(authMessages);
  const fmt = useFormat();
  const { setLocale } = useLocale();
  const qc = useQueryClient();
  const [name, setName] = useState(me.user.name);
  const [locale, setLoc] = useState<Locale>(me.user.locale);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setSaved(false);
    setError(null);
    if (!name.trim()) {
      setErrors({ name: t('required') });
      document.getElementById('profile-name')?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const next = await api.patch<Me>('/auth/profile', { name: name.trim(), locale });
      qc.setQueryData(ME_KEY, next);
      setLocale(next.user.locale);
      setSaved(true);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) setErrors(issuesToErrors(e.details));
      else setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title={t('profileTitle')} />
      <div className="grid-2">
        <section className="card">
          <h2 id="profile-account" style={{ marginTop: 0 }}>{t('account')}</h2>
          <StatusMessage message={saved ? t('saved') : null} />
          <ErrorMessage error={error} />
          <form onSubmit={submit} noValidate aria-busy={busy}>
            <TextField id="profile-name" label={t('name')} value={name} error={errors.name} autoComplete="name"
              onChange={(e) => { setName(e.target.value); setSaved(false); }} required />
            <div className="field">
              <span className="label">{t('email')}</span>
              <span>{me.user.email}</span>
            </div>
            <div className="field">
              <label htmlFor="profile-locale">{t('language')}</label>
              <select id="profile-locale" value={locale} onChange={(e) => { setLoc(e.target.value as Locale); setSaved(false); }}>
                <option value="de" lang="de">{t('german')}</option>
                <option value="en" lang="en">{t('english')}</option>
              </select>
            </div>
            <div className="actions">
              <button type="submit" className="btn primary" disabled={busy}>{t('save')}</button>
              {busy && <Spinner label={t('saving')} />}
            </div>
          </form>
        </section>
        <section className="card">
          <h2 id="profile-memberships" style={{ marginTop: 0 }}>{t('memberships')}</h2>
          <ul>
            {me.memberships.map((m) => (
              <li key={m.municipalityId}>
                <strong>{m.municipalityName}</strong>{' '}
                {m.municipalityId === me.current.municipalityId && <span className="muted">{t('current')}</span>}
                <br />
                {t('role')}: {fmt.label(ROLE_LABELS, m.role)}
              </li>
            ))}
          </ul>
        </section>
      </div>
      <div className="grid-2" style={{ marginTop: '1rem' }}>
        <TwoFactorSection />
        <SessionsSection />
      </div>
      <NotificationPreferencesSection />
      <ApiTokensSection municipalityName={me.current.municipalityName} />
      <MyDataSection />
    </>
  );
}
