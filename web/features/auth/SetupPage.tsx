import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { Alert, ErrorMessage, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import type { Me } from '../../../contract/auth';
import { ErrorSummary, TextField, issuesToErrors, type FieldErrors } from '../../app/forms';
import { ME_KEY } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { authMessages } from './messages';
import { passwordFeedback, serverPasswordFeedback } from './passwordFeedback';
import '../../app/layout.css';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const fieldId = (f: string) => `setup-${f}`;

export default function SetupPage() {
  const t = useT(authMessages);
  usePageTitle(t('setupTitle'));
  const navigate = useNavigate();
  const qc = useQueryClient();
  const status = useQuery({ queryKey: ['setup'], queryFn: () => api.get<{ needsSetup: boolean; tokenRequired: boolean }>('/setup') });
  // From another computer the server wants the one-time key from its log (a fresh install must not be taken over).
  const tokenRequired = status.data?.tokenRequired ?? false;
  const [form, setForm] = useState({ setupToken: '', municipalityName: '', adminName: '', adminEmail: '', password: '', passwordRepeat: '' });
  const [demoData, setDemoData] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  useEffect(() => {
    if (status.data && !status.data.needsSetup) setDone(true);
  }, [status.data]);

  const labels: Record<string, string> = {
    setupToken: t('setupToken'),
    municipalityName: t('municipalityName'),
    adminName: t('adminName'),
    adminEmail: t('email'),
    password: t('password'),
    passwordRepeat: t('passwordRepeat'),
  };
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  function validate(): FieldErrors {
    const e: FieldErrors = {};
    if (!form.municipalityName.trim()) e.municipalityName = t('required');
    if (!form.adminName.trim()) e.adminName = t('required');
    if (!EMAIL.test(form.adminEmail.trim())) e.adminEmail = t('emailInvalid');
    if (tokenRequired && !form.setupToken.trim()) e.setupToken = t('setupTokenRequired');
    const weak = passwordFeedback(t, form.password, [form.adminEmail, form.adminName, form.municipalityName]);
    if (weak) e.password = weak;
    if (form.password !== form.passwordRepeat) e.passwordRepeat = t('passwordMismatch');
    return e;
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setError(null);
    const e = validate();
    setErrors(e);
    setAttempt((a) => a + 1);
    if (Object.keys(e).length) return;
    setBusy(true);
    try {
      const me = await api.post<Me>('/setup', {
        ...(tokenRequired ? { setupToken: form.setupToken.trim() } : {}),
        municipalityName: form.municipalityName.trim(),
        adminName: form.adminName.trim(),
        adminEmail: form.adminEmail.trim(),
        password: form.password,
        demoData,
      });
      qc.clear();
      qc.setQueryData(ME_KEY, me);
      navigate('/', { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'setup_done') setDone(true);
      else if (err instanceof ApiError && (err.code === 'setup_token_required' || err.code === 'setup_token_invalid')) {
        setErrors({ setupToken: t(err.code === 'setup_token_required' ? 'setupTokenRequired' : 'setupTokenInvalid') });
        setAttempt((a) => a + 1);
        void status.refetch();
      } else if (err instanceof ApiError && err.status === 400) {
        const weak = serverPasswordFeedback(t, err.details);
        setErrors({ ...issuesToErrors(err.details), ...(weak ? { password: weak } : {}) });
        setAttempt((a) => a + 1);
      } else setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="auth-page">
      <p className="auth-brand">Roter Faden</p>
      <h1>{t('setupTitle')}</h1>
      {done ? (
        <>
          <Alert kind="info">{t('setupDone')}</Alert>
          <Link className="btn primary" to="/login">{t('toLogin')}</Link>
        </>
      ) : (
        <>
          <p>{t('setupIntro')}</p>
          <ErrorSummary errors={errors} labels={labels} fieldId={fieldId} focusKey={attempt} />
          <ErrorMessage error={error} />
          <form className="card" onSubmit={submit} noValidate aria-busy={busy}>
            {tokenRequired && (
              <TextField id={fieldId('setupToken')} label={labels.setupToken} hint={t('setupTokenHint')} error={errors.setupToken}
                value={form.setupToken} onChange={set('setupToken')} autoComplete="off" spellCheck={false} required />
            )}
            <TextField id={fieldId('municipalityName')} label={labels.municipalityName} hint={t('municipalityHint')}
              error={errors.municipalityName} value={form.municipalityName} onChange={set('municipalityName')} autoComplete="organization" required />
            <TextField id={fieldId('adminName')} label={labels.adminName} error={errors.adminName}
              value={form.adminName} onChange={set('adminName')} autoComplete="name" required />
            <TextField id={fieldId('adminEmail')} label={labels.adminEmail} error={errors.adminEmail} type="email"
              value={form.adminEmail} onChange={set('adminEmail')} autoComplete="email" required />
            <TextField id={fieldId('password')} label={labels.password} hint={t('passwordHint')} error={errors.password}
              type="password" value={form.password} onChange={set('password')} autoComplete="new-password" required minLength={12} />
            <TextField id={fieldId('passwordRepeat')} label={labels.passwordRepeat} error={errors.passwordRepeat}
              type="password" value={form.passwordRepeat} onChange={set('passwordRepeat')} autoComplete="new-password" required />
            <div className="check-field">
              <input id="setup-demo" type="checkbox" checked={demoData} onChange={(e) => setDemoData(e.target.checked)} aria-describedby="setup-demo-hint" />
              <div>
                <label htmlFor="setup-demo">{t('demoData')}</label>
                <div className="hint muted" id="setup-demo-hint">{t('demoHint')}</div>
              </div>
            </div>
            <div className="actions">
              <button type="submit" className="btn primary" disabled={busy || status.isPending}>{t('setupSubmit')}</button>
              {busy && <Spinner label={demoData ? t('setupRunningDemo') : t('setupRunning')} />}
            </div>
          </form>
        </>
      )}
    </main>
  );
}
