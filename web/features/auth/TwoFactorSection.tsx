import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { Alert, ErrorMessage, Spinner } from '../../components/ui';
import { StatusMessage, TextField } from '../../app/forms';
import { useCan } from '../../app/session';
import { useT } from '../../i18n/i18n';
import type { RecoveryCodes, SecuritySettings, TwoFactorSetup, TwoFactorStatus } from '../../../contract/security';
import { securityMessages } from './securityMessages';
import { TWO_FACTOR_KEY } from './TwoFactorGuard';

/** Profile section: turn two-factor sign-in on (QR code, key, first code, recovery codes) or off; for admins the municipality's requirement. */
export function TwoFactorSection() {
  const t = useT(securityMessages);
  const qc = useQueryClient();
  const status = useQuery({ queryKey: TWO_FACTOR_KEY, queryFn: () => api.get<TwoFactorStatus>('/auth/two-factor') });
  const [setup, setSetup] = useState<TwoFactorSetup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const s = status.data;

  async function start() {
    setError(null);
    setMessage(null);
    try {
      setSetup(await api.post<TwoFactorSetup>('/auth/two-factor/setup'));
    } catch (e) {
      setError(e);
    }
  }

  const refresh = () => qc.invalidateQueries({ queryKey: TWO_FACTOR_KEY });

  return (
    <section className="card" aria-labelledby="two-factor-title" id="two-factor">
      <h2 id="two-factor-title" style={{ marginTop: 0 }}>{t('twoFactorTitle')}</h2>
      <p>{t('twoFactorIntro')}</p>
      {s?.required && !s.enabled && <Alert kind="warn">{t('requiredNotice')}</Alert>}
      <StatusMessage message={message} />
      <ErrorMessage error={error ?? status.error} />
      {!s ? <Spinner label={t('loadingTwoFactor')} /> : codes ? (
        <RecoveryCodeList codes={codes} onDone={() => { setCodes(null); setMessage(t('turnedOn')); }} />
      ) : setup ? (
        <ConfirmForm setup={setup} onCancel={() => setSetup(null)}
          onDone={(c) => { setSetup(null); setCodes(c); void refresh(); }} />
      ) : s.enabled ? (
        <>
          <p><strong>{t('twoFactorOn')}</strong> {t('recoveryLeft', { n: s.recoveryCodesLeft })}</p>
          <TurnOffForm onDone={() => { setMessage(t('turnedOff')); void refresh(); }} />
        </>
      ) : (
        <>
          <p><strong>{t('twoFactorOff')}</strong></p>
          <button type="button" className="btn primary" onClick={start}>{t('setUp')}</button>
        </>
      )}
      <AdminRequirement />
    </section>
  );
}

function ConfirmForm({ setup, onCancel, onDone }: { setup: TwoFactorSetup; onCancel: () => void; onDone: (codes: string[]) => void }) {
  const t = useT(securityMessages);
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setError(null);
    setFieldError(undefined);
    setBusy(true);
    try {
      onDone((await api.post<RecoveryCodes>('/auth/two-factor/confirm', { code: code.trim() })).recoveryCodes);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 400 || e.code === 'two_factor_code_invalid')) {
        setFieldError(t('codeInvalid'));
        document.getElementById('two-factor-code')?.focus();
      } else setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={busy}>
      <p>{t('scanIntro')}</p>
      <img src={setup.qrSvgDataUrl} alt={t('qrAlt')} width={200} height={200} className="qr" />
      <p>
        <span className="label" id="two-factor-secret-label">{t('secretLabel')}</span>:{' '}
        <code aria-labelledby="two-factor-secret-label" data-testid="two-factor-secret" style={{ wordBreak: 'break-all' }}>
          {setup.secret.replace(/(.{4})/g, '$1 ').trim()}
        </code>
      </p>
      <p>{t('confirmIntro')}</p>
      <ErrorMessage error={error} />
      <TextField id="two-factor-code" label={t('code')} hint={t('codeHint')} value={code} error={fieldError}
        inputMode="numeric" autoComplete="one-time-code" maxLength={10} onChange={(e) => setCode(e.target.value)} required />
      <div className="actions">
        <button type="submit" className="btn primary" disabled={busy}>{t('confirm')}</button>
        <button type="button" className="btn" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}

function RecoveryCodeList({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useT(securityMessages);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div>
      <h3 ref={ref} tabIndex={-1}>{t('recoveryTitle')}</h3>
      <p>{t('recoveryIntro')}</p>
      <ul className="recovery-codes" data-testid="recovery-codes" style={{ columns: 2, fontFamily: 'monospace', fontSize: '1.1rem' }}>
        {codes.map((c) => <li key={c}>{c}</li>)}
      </ul>
      <button type="button" className="btn primary" onClick={onDone}>{t('recoveryDone')}</button>
    </div>
  );
}

function TurnOffForm({ onDone }: { onDone: () => void }) {
  const t = useT(securityMessages);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [failed, setFailed] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setFailed(undefined);
    setError(null);
    if (!password && !code.trim()) {
      setFailed(t('turnOffIntro'));
      document.getElementById('two-factor-off-password')?.focus();
      return;
    }
    setBusy(true);
    try {
      await api.post('/auth/two-factor/disable', code.trim() ? { code: code.trim() } : { password });
      onDone();
    } catch (e) {
      if (e instanceof ApiError && (e.status === 403 || e.status === 400)) {
        setFailed(t('turnOffFailed'));
        document.getElementById('two-factor-off-password')?.focus();
      } else setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={busy}>
      <h3>{t('turnOffTitle')}</h3>
      <p>{t('turnOffIntro')}</p>
      <ErrorMessage error={error} />
      <TextField id="two-factor-off-password" label={t('password')} type="password" autoComplete="current-password" value={password}
        error={failed} onChange={(e) => setPassword(e.target.value)} />
      <TextField id="two-factor-off-code" label={t('orCode')} inputMode="numeric" autoComplete="one-time-code" maxLength={20} value={code}
        onChange={(e) => setCode(e.target.value)} />
      <div className="actions">
        <button type="submit" className="btn" disabled={busy}>{t('turnOff')}</button>
      </div>
    </form>
  );
}

/** Admins: require two-factor sign-in of every admin of the current municipality. */
function AdminRequirement() {
  const t = useT(securityMessages);
  const { isAdmin } = useCan();
  const qc = useQueryClient();
  const status = qc.getQueryData<TwoFactorStatus>(TWO_FACTOR_KEY);
  // While this admin is held at setup, the settings are locked for them too (the server answers 403).
  const locked = Boolean(status?.required && !status.enabled);
  const settings = useQuery({ queryKey: ['security-settings'], queryFn: () => api.get<SecuritySettings>('/security/settings'), enabled: isAdmin && !locked });
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!isAdmin || locked || !settings.data) return null;
  async function toggle(on: boolean) {
    setSaved(false);
    setError(null);
    try {
      const next = await api.put<SecuritySettings>('/security/settings', { requireAdminTwoFactor: on, version: settings.data!.version });
      qc.setQueryData(['security-settings'], next);
      await qc.invalidateQueries({ queryKey: TWO_FACTOR_KEY });
      setSaved(true);
    } catch (e) {
      setError(e);
      await settings.refetch();
    }
  }
  return (
    <div style={{ marginTop: '1.5rem' }}>
      <ErrorMessage error={error} />
      <StatusMessage message={saved ? t('settingSaved') : null} />
      <div className="field checkbox">
        <label>
          <input type="checkbox" checked={settings.data.requireAdminTwoFactor} onChange={(e) => void toggle(e.target.checked)}
            aria-describedby="require-2fa-hint" />{' '}
          {t('requireForAdmins')}
        </label>
        <span className="hint" id="require-2fa-hint">{t('requireHint')}</span>
      </div>
    </div>
  );
}
