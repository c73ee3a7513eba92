import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ConfirmDialog, EmptyState, ErrorMessage, Spinner } from '../../components/ui';
import { StatusMessage } from '../../app/forms';
import { useFormat, useT } from '../../i18n/i18n';
import type { UserRow } from '../../../contract/auth';
import type { Participant } from '../../../contract/workshops';
import { useParticipants, wsKeys } from './api';
import { wsMessages } from './messages';
import type { TabProps } from './WorkshopPage';
import { AddNamed } from './AddNamed';
import { useCan } from '../../app/session';
import { ErasureDialog } from '../privacy/ErasureDialog';
import { privacyMessages } from '../privacy/messages';

/**
 * Teilnehmende: everyone who joined (guests marked); facilitators add accounts when they may list users,
 * and people by name, each with a personal code to print (named participants).
 */
export function ParticipantsTab({ workshop: w, canFacilitate }: TabProps) {
  const t = useT(wsMessages);
  const fmt = useFormat();
  const qc = useQueryClient();
  const people = useParticipants(w.id);
  // Only admins may list users: for everyone else this fails quietly and the add form stays hidden.
  const users = useQuery({ queryKey: ['users'], queryFn: () => api.get<UserRow[]>('/users'), enabled: canFacilitate, retry: false });
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [toRemove, setToRemove] = useState<Participant | null>(null);
  // GDPR erasure of a guest: admins only (the server checks it too).
  const { isAdmin } = useCan();
  const tp = useT(privacyMessages);
  const [toErase, setToErase] = useState<Participant | null>(null);
  const groupName = (id: string | null) => w.groups.find((g) => g.id === id)?.name ?? '–';

  async function remove(p: Participant) {
    setError(null);
    setNotice('');
    try {
      await api.del(`/workshops/${w.id}/participants/${p.id}`);
      qc.setQueryData<Participant[]>(wsKeys.participants(w.id), (list) => list?.filter((x) => x.id !== p.id));
      void qc.invalidateQueries({ queryKey: wsKeys.one(w.id) });
      setNotice(t('removed', { name: p.name }));
    } catch (e) {
      setError(e);
    }
  }

  // A lost slip: a new code for the person; devices with the old one must join again.
  async function renew(p: Participant) {
    setError(null);
    setNotice('');
    try {
      const { code } = await api.post<{ code: string }>(`/workshops/${w.id}/participants/${p.id}/code`);
      setNotice(t('codeRenewed', { name: p.name, code }));
    } catch (e) {
      setError(e);
    }
  }

  const list = people.data ?? [];
  const cols = { name: t('colName'), type: t('colType'), group: t('colGroup'), joined: t('colJoined') };
  const withCode = list.some((p) => p.hasCode);
  return (
    <>
      <p className="muted">{w.admission === 'named' ? t('namedIntro') : t('participantsIntro')}</p>
      {canFacilitate && withCode && (
        <p><Link className="btn" to={`/workshops/${w.id}/codes`}>{t('printCodes')}</Link></p>
      )}
      <StatusMessage message={notice} />
      <ErrorMessage error={error} />
      <ErrorMessage error={people.error} />
      {people.isPending && <Spinner label={t('loading')} />}
      {people.data && list.length === 0 && <EmptyState>{t('noParticipants')}</EmptyState>}
      {list.length > 0 && (
        <div className="table-wrap">
          <table className="data ws-table">
            <caption className="ws-caption">{t('count', { n: list.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{cols.name}</th>
                <th scope="col">{cols.type}</th>
                <th scope="col">{cols.group}</th>
                <th scope="col">{cols.joined}</th>
                {canFacilitate && <th scope="col"><span className="visually-hidden">{t('remove')}</span></th>}
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.id}>
                  <td className="title" data-label={cols.name}>{p.name}</td>
                  <td data-label={cols.type}>
                    {p.userId == null ? <span className="badge ws-guest">{t('guest')}</span> : <span className="badge">{t('account')}</span>}
                    {p.hasCode && <> <span className="badge">{t('hasCode')}</span></>}
                  </td>
                  <td data-label={cols.group}>{groupName(p.groupId)}</td>
                  <td data-label={cols.joined}>{fmt.dateTime(p.joinedAt)}</td>
                  {canFacilitate && (
                    <td>
                      {p.hasCode && (
                        <button type="button" className="btn small" onClick={() => void renew(p)}>
                          {t('renewCode')}<span className="visually-hidden">: {p.name}</span>
                        </button>
                      )}{' '}
                      <button type="button" className="btn small danger" onClick={() => setToRemove(p)}>
                        {t('remove')}<span className="visually-hidden">: {p.name}</span>
                      </button>
                      {isAdmin && p.userId == null && (
                        <>
                          {' '}
                          <button type="button" className="btn small danger" onClick={() => { setNotice(''); setToErase(p); }}>
                            {tp('eraseGuest')}<span className="visually-hidden">: {p.name}</span>
                          </button>
                        </>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canFacilitate && (
        <AddNamed workshopId={w.id} groups={w.groups} onAdded={(p) => setNotice(t('participantAdded', { name: p.name }))} />
      )}
      {canFacilitate && users.data && (
        <AddAccount workshopId={w.id} groups={w.groups} users={users.data.filter((u) => !list.some((p) => p.userId === u.id))}
          onAdded={(p) => setNotice(t('participantAdded', { name: p.name }))} />
      )}
      {toErase && (
        <ErasureDialog path={`/workshops/${w.id}/participants/${toErase.id}/erasure`} name={toErase.name} onClose={() => setToErase(null)}
          onDone={(s) => {
            setNotice(tp('erased', { name: toErase.name, pseudonym: s.pseudonym }));
            setToErase(null);
            void qc.invalidateQueries({ queryKey: wsKeys.participants(w.id) });
          }} />
      )}
      <ConfirmDialog open={toRemove != null} title={t('removeTitle', { name: toRemove?.name ?? '' })} confirmLabel={t('remove')}
        cancelLabel={t('cancel')} danger onCancel={() => setToRemove(null)}
        onConfirm={() => {
          const p = toRemove;
          setToRemove(null);
          if (p) void remove(p);
        }}>
        <p>{t('removeText')}</p>
      </ConfirmDialog>
    </>
  );
}

function AddAccount({
  workshopId, groups, users, onAdded,
}: {
  workshopId: string;
  groups: TabProps['workshop']['groups'];
  users: UserRow[];
  onAdded: (p: Participant) => void;
}) {
  const t = useT(wsMessages);
  const qc = useQueryClient();
  const [userId, setUserId] = useState('');
  const [groupId, setGroupId] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!userId) {
      setMissing(true);
      document.getElementById('add-participant-user')?.focus();
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      const p = await api.post<Participant>(`/workshops/${workshopId}/participants`, { userId, groupId: groupId || null });
      qc.setQueryData<Participant[]>(wsKeys.participants(workshopId), (list) => (list ? [...list, p] : list));
      void qc.invalidateQueries({ queryKey: wsKeys.one(workshopId) });
      setUserId('');
      onAdded(p);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="card ws-inline-form">
      <h3 style={{ marginTop: 0 }}>{t('addAccount')}</h3>
      {users.length === 0 ? (
        <p className="muted">{t('allAdded')}</p>
      ) : (
        <>
          <ErrorMessage error={error} />
          <div className="field">
            <label htmlFor="add-participant-user">{t('person')}</label>
            <select id="add-participant-user" value={userId} onChange={(e) => setUserId(e.target.value)}
              aria-invalid={missing ? true : undefined} aria-describedby={missing ? 'add-participant-user-error' : undefined}>
              <option value="">{t('choosePerson')}</option>
              {users.map((u) => <option key={u.id} value={u.id}>{u.name} ({u.email})</option>)}
            </select>
            {missing && <span className="error" id="add-participant-user-error">{t('required')}</span>}
          </div>
          <div className="field">
            <label htmlFor="add-participant-group">{t('groupOptional')}</label>
            <select id="add-participant-group" value={groupId} onChange={(e) => setGroupId(e.target.value)}>
              <option value="">{t('withoutGroup')}</option>
              {groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
            </select>
          </div>
          <button type="submit" className="btn primary" disabled={busy}>{t('add')}</button>
        </>
      )}
    </form>
  );
}
