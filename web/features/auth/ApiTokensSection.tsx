import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ConfirmDialog, ErrorMessage, ScrollTable, Spinner } from '../../components/ui';
import { StatusMessage, TextField } from '../../app/forms';
import { useFormat, useT } from '../../i18n/i18n';
import type { ApiToken, CreatedApiToken } from '../../../contract/api-tokens';
import { apiTokenMessages } from './apiTokenMessages';

const KEY = ['api-tokens'] as const;
const EXPIRY = [
  ['30', 'days30'],
  ['90', 'days90'],
  ['365', 'days365'],
  ['', 'never'],
] as const;

/** Profile section: personal API tokens for scripts — create (shown once, with a copy button), list, revoke. */
export function ApiTokensSection({ municipalityName }: { municipalityName: string }) {
  const t = useT(apiTokenMessages);
  const f = useFormat();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: KEY, queryFn: () => api.get<ApiToken[]>('/tokens') });
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState('90');
  const [readOnly, setReadOnly] = useState(true);
  const [nameError, setNameError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [copyState, setCopyState] = useState<'copied' | 'copyFailed' | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function create(ev: FormEvent) {
    ev.preventDefault();
    setMessage(null);
    setError(null);
    if (!name.trim()) {
      setNameError(t('required'));
      document.getElementById('token-name')?.focus();
      return;
    }
    setNameError(undefined);
    setBusy(true);
    try {
      const made = await api.post<CreatedApiToken>('/tokens', { name: name.trim(), readOnly, expiresInDays: expiry ? Number(expiry) : null });
      setCreated(made);
      setCopyState(null);
      setName('');
      await qc.invalidateQueries({ queryKey: KEY });
      // The secret is the one thing to act on now: focus it so it can be copied at once.
      requestAnimationFrame(() => (document.getElementById('token-secret') as HTMLInputElement | null)?.select());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function copy(secret: string) {
    try {
      await navigator.clipboard.writeText(secret);
      setCopyState('copied');
    } catch {
      (document.getElementById('token-secret') as HTMLInputElement | null)?.select();
      setCopyState('copyFailed');
    }
  }

  async function revoke(token: ApiToken) {
    setRevoking(null);
    setMessage(null);
    setError(null);
    try {
      await api.del(`/tokens/${token.id}`);
      if (created?.token.id === token.id) setCreated(null);
      setMessage(t('revoked', { name: token.name }));
    } catch (e) {
      setError(e);
    } finally {
      await qc.invalidateQueries({ queryKey: KEY });
    }
  }

  const tokens = list.data ?? [];
  const now = Date.now();
  return (
    <section className="card" aria-labelledby="api-tokens-title" id="api-tokens" style={{ marginTop: '1rem' }}>
      <h2 id="api-tokens-title" style={{ marginTop: 0 }}>{t('tokensTitle')}</h2>
      <p>
        {t('tokensIntro', { municipality: municipalityName })} <a href="/api/docs">{t('docsLink')}</a>
      </p>
      <StatusMessage message={message} />
      <ErrorMessage error={error ?? list.error} />

      {created && (
        <div className="card" role="region" aria-labelledby="token-created-title" data-testid="token-created">
          <h3 id="token-created-title" style={{ marginTop: 0 }}>{t('createdTitle', { name: created.token.name })}</h3>
          <p>{t('createdHint')}</p>
          <div className="field">
            <label htmlFor="token-secret">{t('secretLabel')}</label>
            <div className="actions">
              <input id="token-secret" readOnly value={created.secret} spellCheck={false} style={{ fontFamily: 'monospace', flex: '1 1 20rem', minWidth: 0 }}
                onFocus={(e) => e.currentTarget.select()} />
              <button type="button" className="btn" onClick={() => void copy(created.secret)}>{t('copy')}</button>
            </div>
          </div>
          <StatusMessage message={copyState ? t(copyState) : null} kind="info" />
          <button type="button" className="btn primary" onClick={() => setCreated(null)}>{t('done')}</button>
        </div>
      )}

      <form onSubmit={create} noValidate aria-busy={busy}>
        <TextField id="token-name" label={t('tokenName')} hint={t('tokenNameHint')} value={name} error={nameError} maxLength={100}
          onChange={(e) => setName(e.target.value)} required />
        <div className="field">
          <label htmlFor="token-expiry">{t('expiry')}</label>
          <select id="token-expiry" value={expiry} onChange={(e) => setExpiry(e.target.value)}>
            {EXPIRY.map(([value, label]) => <option key={label} value={value}>{t(label)}</option>)}
          </select>
        </div>
        <div className="field">
          <label>
            <input type="checkbox" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} /> {t('readOnly')}
          </label>
        </div>
        <div className="actions">
          <button type="submit" className="btn" disabled={busy}>{t('create')}</button>
          {busy && <Spinner label={t('creating')} />}
        </div>
      </form>

      {!list.data ? <Spinner label={t('loadingTokens')} /> : tokens.length === 0 ? <p className="muted">{t('none')}</p> : (
        <ScrollTable label={t('tokensTitle')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('access')}</th>
                <th scope="col">{t('created')}</th>
                <th scope="col">{t('lastUsed')}</th>
                <th scope="col">{t('expires')}</th>
                <th scope="col"><span className="visually-hidden">{t('revoke')}</span></th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((tok) => (
                <tr key={tok.id} data-testid="token-row">
                  <td>{tok.name}</td>
                  <td>{tok.readOnly ? t('accessRead') : t('accessWrite')}</td>
                  <td>{f.dateTime(tok.createdAt)}</td>
                  <td>{tok.lastUsedAt ? f.dateTime(tok.lastUsedAt) : t('neverUsed')}</td>
                  <td>
                    {!tok.expiresAt ? t('noExpiry') : new Date(tok.expiresAt).getTime() <= now ? <strong>{t('expired')}</strong> : f.dateTime(tok.expiresAt)}
                  </td>
                  <td>
                    <button type="button" className="btn small danger" aria-label={t('revokeLabel', { name: tok.name })} onClick={() => setRevoking(tok)}>
                      {t('revoke')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <ConfirmDialog open={revoking !== null} title={revoking ? t('revokeTitle', { name: revoking.name }) : ''} confirmLabel={t('revoke')} cancelLabel={t('cancel')} danger
        onConfirm={() => revoking && void revoke(revoking)} onCancel={() => setRevoking(null)}>
        <p>{t('revokeText')}</p>
      </ConfirmDialog>
    </section>
  );
}
