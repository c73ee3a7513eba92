import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import type { Participant, Workshop } from '../../../contract/workshops';
import { wsKeys } from './api';
import { wsMessages } from './messages';

/** A person by name (no account): they get a personal code, printed from the codes page. */
export function AddNamed({ workshopId, groups, onAdded }: { workshopId: string; groups: Workshop['groups']; onAdded: (p: Participant) => void }) {
  const t = useT(wsMessages);
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [groupId, setGroupId] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!name.trim()) {
      setMissing(true);
      document.getElementById('add-named-name')?.focus();
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      const p = await api.post<Participant>(`/workshops/${workshopId}/participants`, { name: name.trim(), groupId: groupId || null });
      qc.setQueryData<Participant[]>(wsKeys.participants(workshopId), (list) => (list ? [...list, p].sort((a, b) => a.name.localeCompare(b.name)) : list));
      void qc.invalidateQueries({ queryKey: wsKeys.one(workshopId) });
      setName('');
      onAdded(p);
      document.getElementById('add-named-name')?.focus();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="card ws-inline-form">
      <h3 style={{ marginTop: 0 }}>{t('addNamed')}</h3>
      <ErrorMessage error={error} />
      <div className="field">
        <label htmlFor="add-named-name">{t('personName')}</label>
        <span className="hint" id="add-named-hint">{t('addNamedHint')}</span>
        <input id="add-named-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} autoComplete="off"
          aria-invalid={missing ? true : undefined} aria-describedby={`add-named-hint${missing ? ' add-named-error' : ''}`} />
        {missing && <span className="error" id="add-named-error">{t('required')}</span>}
      </div>
      {groups.length > 0 && (
        <div className="field">
          <label htmlFor="add-named-group">{t('groupOptional')}</label>
          <select id="add-named-group" value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            <option value="">{t('withoutGroup')}</option>
            {groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
          </select>
        </div>
      )}
      <button type="submit" className="btn primary" disabled={busy}>{t('add')}</button>
    </form>
  );
}
