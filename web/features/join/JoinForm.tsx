import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/ui';
import { useFormat, useLocale, useT } from '../../i18n/i18n';
import type { JoinHome, JoinInfo, Joined } from '../../../contract/workshops';
import { isTransient, send } from './api';
import { joinMessages } from './messages';
import { JoinLink } from './nav';

/**
 * Name and group → POST /join/:code (the device cookie makes a rejoin the same participant). With a
 * personal code the name is the one the facilitator entered; a named workshop's own code admits no one.
 */
export function JoinForm({ code, info, onJoined }: { code: string; info: JoinInfo; onJoined: (home: JoinHome | undefined) => Promise<unknown> }) {
  const t = useT(joinMessages);
  const { locale } = useLocale();
  const fmt = useFormat();
  const [name, setName] = useState(() => localStorage.getItem('rf.join.name') ?? '');
  const [groupId, setGroupId] = useState('');
  const [nameError, setNameError] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const personal = info.personalName;
    if (!personal && !name.trim()) {
      setNameError(t('nameMissing'));
      document.getElementById('join-name')?.focus();
      return;
    }
    setNameError('');
    setBusy(true);
    try {
      // The answer carries the home (rounds and ballot) in the page's language: no GET /me after it.
      const joined = await send<Joined>('POST', `/join/${encodeURIComponent(code)}?lang=${locale}`, { name: personal ?? name.trim(), groupId: groupId || null });
      if (!personal) localStorage.setItem('rf.join.name', name.trim());
      await onJoined(joined?.home);
    } catch (err) {
      // Joining twice is harmless (same device, same participant), so "try again" is always safe.
      // The join limit (429) says what to do; other transient failures are the network's.
      const limited = err instanceof ApiError && err.code === 'join_limited';
      setError(isTransient(err) && !limited ? new Error(t('offline')) : err instanceof ApiError ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  }

  const heading = <h1>{t('joinTitle', { title: info.title })}</h1>;
  if (info.named && !info.personalName) {
    return (
      <>
        {heading}
        <div className="alert info" role="status">{t('namedOnly')}</div>
        <JoinLink className="btn primary join-big" to="/join">{t('personalCode')}</JoinLink>
      </>
    );
  }
  return (
    <>
      {heading}
      <p className="muted">
        {[info.municipalityName, info.startsOn ? fmt.date(info.startsOn) : null, info.place || null].filter(Boolean).join(' · ')}
      </p>
      <form onSubmit={submit} noValidate className="join-card">
        <ErrorMessage error={error} />
        {info.personalName ? (
          <div className="field">
            <p className="join-as"><strong>{t('joinAs', { name: info.personalName })}</strong></p>
            <span className="hint">{t('joinAsHint')}</span>
          </div>
        ) : (
        <div className="field">
          <label htmlFor="join-name">{t('name')}</label>
          <span className="hint" id="join-name-hint">{t('nameHint')}</span>
          <input id="join-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" maxLength={100} enterKeyHint="next"
            aria-invalid={nameError ? true : undefined} aria-describedby={`join-name-hint${nameError ? ' join-name-error' : ''}`} />
          {nameError && <span className="error" id="join-name-error">{nameError}</span>}
        </div>
        )}
        {info.groups.length > 0 && (
          <fieldset className="join-groups">
            <legend>{t('group')}</legend>
            {info.groups.map((g) => (
              <label key={g.id} className="join-choice">
                <input type="radio" name="join-group" value={g.id} checked={groupId === g.id} onChange={() => setGroupId(g.id)} />
                {g.name}
              </label>
            ))}
            <label className="join-choice">
              <input type="radio" name="join-group" value="" checked={groupId === ''} onChange={() => setGroupId('')} />
              {t('noGroup')}
            </label>
          </fieldset>
        )}
        <button type="submit" className="btn primary join-big" disabled={busy}>
          {busy ? t('joining') : info.personalName ? t('joinAsButton', { name: info.personalName }) : t('join')}
        </button>
        <p className="hint muted">{info.personalName ? t('privacyNamed') : t('privacy')}</p>
      </form>
    </>
  );
}
