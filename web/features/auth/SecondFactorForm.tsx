import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { Alert, ErrorMessage, Spinner } from '../../components/ui';
import { TextField } from '../../app/forms';
import { useT } from '../../i18n/i18n';
import type { Me } from '../../../contract/auth';
import { securityMessages } from './securityMessages';

/** The second step of signing in: the code from the app or a recovery code, sent with the pending token of the password step. */
export function SecondFactorForm({ pendingToken, onSignedIn, onRestart }: { pendingToken: string; onSignedIn: (me: Me) => void; onRestart: () => void }) {
  const t = useT(securityMessages);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setFailure(null);
    setError(null);
    setBusy(true);
    try {
      onSignedIn(await api.post<Me>('/auth/login/second-factor', { pendingToken, code: code.trim() }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'sign_in_expired') setExpired(true);
      else if (e instanceof ApiError && (e.status === 401 || e.status === 400)) setFailure(t('secondStepFailed'));
      else if (e instanceof ApiError && e.status === 429) setFailure(e.message);
      else setError(e);
      document.getElementById('second-factor-code')?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h2 ref={headingRef} tabIndex={-1}>{t('secondStepTitle')}</h2>
      <p>{t('secondStepIntro')}</p>
      {expired ? (
        <>
          <Alert kind="error">{t('secondStepExpired')}</Alert>
          <button type="button" className="btn primary" onClick={onRestart}>{t('backToPassword')}</button>
        </>
      ) : (
        <form className="card" onSubmit={submit} aria-busy={busy} noValidate>
          <ErrorMessage error={error} />
          <TextField id="second-factor-code" label={t('secondStepCode')} hint={t('secondStepHint')} value={code} error={failure ?? undefined}
            autoComplete="one-time-code" maxLength={20} required onChange={(e) => setCode(e.target.value)} />
          <div className="actions">
            <button type="submit" className="btn primary" disabled={busy}>{t('secondStepSubmit')}</button>
            <button type="button" className="btn" onClick={onRestart}>{t('backToPassword')}</button>
            {busy && <Spinner label={t('checkingCode')} />}
          </div>
        </form>
      )}
    </>
  );
}
