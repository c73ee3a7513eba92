import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { Alert, ErrorMessage, Field, FormDialog, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import type { ErasureSummary } from '../../../contract/privacy';
import { privacyMessages } from './messages';
import './privacy.css';

type CountKey = keyof ErasureSummary['counts'];
const COUNTS: CountKey[] = ['auditActor', 'auditMentions', 'participations', 'roundResults', 'records', 'sessions', 'apiTokens', 'twoFactor', 'savedSearches', 'notifications', 'dots', 'scores'];
const normal = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');

/**
 * Erasing a person (an account or a workshop guest): first what will change and how many records, then
 * the name typed to confirm. `path` is the erasure resource (GET = summary, POST = erase).
 */
export function ErasureDialog({ path, name, onClose, onDone }: { path: string; name: string; onClose: () => void; onDone: (s: ErasureSummary) => void }) {
  const t = useT(privacyMessages);
  const summary = useQuery({ queryKey: ['erasure', path], queryFn: () => api.get<ErasureSummary>(path), retry: false, gcTime: 0 });
  const [typed, setTyped] = useState('');
  const erase = useMutation({ mutationFn: () => api.post<ErasureSummary>(path, { confirmName: typed }), onSuccess: onDone });
  const s = summary.data;
  const matches = s != null && normal(typed) === normal(s.name);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (matches) erase.mutate();
  };
  const shown = s ? COUNTS.filter((k) => s.counts[k] > 0) : [];
  return (
    <FormDialog title={t('eraseTitle', { name })} onClose={onClose}>
      {summary.isPending && <Spinner label={t('loading')} />}
      <ErrorMessage error={summary.error} />
      {s?.erasedAt && <Alert kind="info">{t('alreadyErased')}</Alert>}
      {s && !s.erasedAt && (
        <form onSubmit={submit}>
          <p>{t(`kind_${s.kind}`, { pseudonym: s.pseudonym, n: s.otherMunicipalities })}</p>
          {shown.length > 0 && (
            <>
              <h3>{t('whatChanges')}</h3>
              <ul className="erasure-counts">
                {shown.map((k) => <li key={k}>{t(`c_${k}`, { n: s.counts[k] })}</li>)}
              </ul>
            </>
          )}
          <Field label={t('confirmLabel', { name: s.name })}>
            {(p) => <input {...p} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} />}
          </Field>
          <ErrorMessage error={erase.error} />
          <div className="actions" style={{ justifyContent: 'flex-end', marginTop: '1rem' }}>
            <button type="button" className="btn" onClick={onClose}>{t('cancel')}</button>
            <button type="submit" className="btn primary danger" disabled={!matches || erase.isPending}>{t('confirm')}</button>
          </div>
        </form>
      )}
      {(!s || s.erasedAt) && !summary.isPending && (
        <div className="actions" style={{ justifyContent: 'flex-end' }}>
          <button type="button" className="btn" onClick={onClose}>{t('cancel')}</button>
        </div>
      )}
    </FormDialog>
  );
}
