import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { Alert, ErrorMessage, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import type { Me } from '../../../contract/auth';
import { TextField } from '../../app/forms';
import { ME_KEY } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { authMessages } from './messages';
import { SecondFactorForm } from './SecondFactorForm';
import { SsoButtons } from '../sso/SsoButtons';
import type { SecondFactorNeeded } from '../../../contract/security';
import '../../app/layout.css';

/** Only same-site paths are accepted as the place to return to. */
function safeNext(next: string | null) {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export default function LoginPage() {
  const t = useT(authMessages);
  usePageTitle(t('loginTitle'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const qc = useQueryClient();
  const setup = useQuery({ queryKey: ['setup'], queryFn: () => api.get<{ needsSetup: boolean }>('/setup'), retry: false });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  // With two-factor sign-in on, the password step answers with a pending token and the code is asked next.
  const [pending, setPending] = useState<string | null>(null);

  useEffect(() => {
    if (setup.data?.needsSetup) navigate('/setup', { replace: true });
  }, [setup.data, navigate]);

  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  function signedIn(me: Me) {
    qc.clear();
    qc.setQueryData(ME_KEY, me);
    navigate(safeNext(params.get('next')), { replace: true });
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setError(null);
    setFailure(null);
    setBusy(true);
    try {
      const res = await api.post<Me | SecondFactorNeeded>('/auth/login', { email: email.trim(), password });
      if ('secondFactorRequired' in res) {
        setPassword('');
        setPending(res.pendingToken);
        return;
      }
      signedIn(res);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 400)) setFailure(t('loginFailed'));
      else if (e instanceof ApiError && e.status === 429) setFailure(t('loginRateLimited'));
      else setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="auth-page">
      <p className="auth-brand">Roter Faden</p>
      <h1>{t('loginTitle')}</h1>
      <p>{params.get('next') ? t('loggedOutHint') : t('loginIntro')}</p>
      {failure && (
        <div ref={failureRef} tabIndex={-1}>
          <Alert kind="error">{failure}</Alert>
        </div>
      )}
      <ErrorMessage error={error} />
      {!pending && <SsoButtons />}
      {pending ? <SecondFactorForm pendingToken={pending} onSignedIn={signedIn} onRestart={() => setPending(null)} /> : (
      <form className="card" onSubmit={submit} aria-busy={busy}>
        <TextField id="login-email" label={t('email')} type="email" value={email} autoComplete="username" required
          onChange={(e) => setEmail(e.target.value)} aria-invalid={failure ? true : undefined} />
        <TextField id="login-password" label={t('password')} type="password" value={password} autoComplete="current-password" required
          onChange={(e) => setPassword(e.target.value)} aria-invalid={failure ? true : undefined} />
        <div className="actions">
          <button type="submit" className="btn primary" disabled={busy}>{t('loginSubmit')}</button>
          {busy && <Spinner label={t('loginRunning')} />}
        </div>
      </form>
      )}
    </main>
  );
}
