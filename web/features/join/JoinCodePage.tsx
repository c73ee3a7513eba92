import { useState, type FormEvent } from 'react';
import { usePageTitle } from '../../app/title';
import { useT } from '../../i18n/i18n';
import { JoinShell } from './JoinShell';
import { joinMessages } from './messages';
import { go } from './nav';

/**
 * "k7m 4qp" → "K7M-4QP", and a personal code of 10 characters → "ABCDE-FGHJK" (the server ignores
 * everything but letters and digits anyway).
 */
export function normaliseCode(input: string): string {
  const raw = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (raw.length === 6) return `${raw.slice(0, 3)}-${raw.slice(3)}`;
  return raw.length === 10 ? `${raw.slice(0, 5)}-${raw.slice(5)}` : raw;
}

/** /join — type the code from the screen. */
export default function JoinCodePage() {
  const t = useT(joinMessages);
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  usePageTitle(t('codeTitle'));

  function submit(e: FormEvent) {
    e.preventDefault();
    const c = normaliseCode(code);
    if (!c) setError(t('codeMissing'));
    else if (c.replace('-', '').length < 6) setError(t('codeShort'));
    else return go(`/join/${c}`);
    document.getElementById('join-code')?.focus();
  }

  return (
    <JoinShell>
      <h1>{t('codeTitle')}</h1>
      <p>{t('codeIntro')}</p>
      <form onSubmit={submit} noValidate className="join-card">
        <div className="field">
          <label htmlFor="join-code">{t('code')}</label>
          <span className="hint" id="join-code-hint">{t('codeHint')}</span>
          <input id="join-code" className="join-code-input" value={code} onChange={(e) => setCode(e.target.value)}
            autoComplete="off" autoCapitalize="characters" autoCorrect="off" spellCheck={false} maxLength={16} enterKeyHint="go"
            aria-invalid={error ? true : undefined} aria-describedby={`join-code-hint${error ? ' join-code-error' : ''}`} />
          {error && <span className="error" id="join-code-error">{error}</span>}
        </div>
        <button type="submit" className="btn primary join-big">{t('next')}</button>
      </form>
    </JoinShell>
  );
}
