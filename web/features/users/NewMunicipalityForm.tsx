import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { Alert, ErrorMessage } from '../../components/ui';
import { ME_KEY } from '../../app/session';
import { useT } from '../../i18n/i18n';
import type { Me } from '../../../contract/auth';
import { messages } from './messages';
import { Input } from './AddUserForm';

/**
 * POST /municipalities: the creator becomes its admin. The answer is the updated Me, so the
 * header's municipality selector lists the new one at once; switching is offered here too.
 */
export function NewMunicipalityForm() {
  const t = useT(messages);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [defaultStructure, setDefaultStructure] = useState(true);
  const [error, setError] = useState<string | undefined>();
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);

  const create = useMutation({
    mutationFn: (body: { name: string; defaultStructure: boolean }) => api.post<Me>('/municipalities', body),
    onSuccess: (me, body) => {
      const before = new Set((qc.getQueryData<Me>(ME_KEY)?.memberships ?? []).map((m) => m.municipalityId));
      qc.setQueryData(ME_KEY, me);
      const added =
        me.memberships.find((m) => !before.has(m.municipalityId)) ??
        me.memberships.find((m) => m.municipalityName === body.name && m.municipalityId !== me.current.municipalityId);
      setCreated(added ? { id: added.municipalityId, name: added.municipalityName } : { id: '', name: body.name });
      setName('');
    },
  });

  const switchTo = useMutation({
    mutationFn: (municipalityId: string) => api.post<Me>('/auth/switch', { municipalityId }),
    onSuccess: (me) => {
      qc.clear();
      qc.setQueryData(ME_KEY, me);
      navigate('/');
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    if (!name.trim()) {
      setError(t('required'));
      document.getElementById('new-municipality-name')?.focus();
      return;
    }
    setError(undefined);
    create.mutate({ name: name.trim(), defaultStructure });
  };

  return (
    <form onSubmit={submit} noValidate>
      <p className="muted">{t('municipalityIntro')}</p>
      <ErrorMessage error={create.error ?? switchTo.error} />
      {created && (
        <Alert kind="success">
          <p style={{ marginTop: 0 }}>{t('created', { name: created.name })}</p>
          {created.id && (
            <button type="button" className="btn small" disabled={switchTo.isPending} onClick={() => switchTo.mutate(created.id)}>
              {switchTo.isPending ? t('switching') : t('switchNow', { name: created.name })}
            </button>
          )}
        </Alert>
      )}
      <Input id="new-municipality-name" label={`${t('municipalityName')} *`} value={name} onChange={setName} error={error} autoComplete="organization" />
      <div className="check-field">
        <input id="new-municipality-default" type="checkbox" checked={defaultStructure} onChange={(e) => setDefaultStructure(e.target.checked)} />
        <label htmlFor="new-municipality-default">{t('defaultStructure')}</label>
      </div>
      <button type="submit" className="btn primary" disabled={create.isPending}>
        {create.isPending ? t('creating') : t('create')}
      </button>
    </form>
  );
}
