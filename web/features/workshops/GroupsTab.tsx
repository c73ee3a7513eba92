import { useState, type FormEvent, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { ConfirmDialog, EmptyState, ErrorMessage, Spinner } from '../../components/ui';
import { StatusMessage } from '../../app/forms';
import { useT } from '../../i18n/i18n';
import type { Participant, Workshop, WorkshopGroup } from '../../../contract/workshops';
import { useConceptNames } from '../measures/useConcept';
import { useParticipants, useStoreWorkshop, wsKeys } from './api';
import { wsMessages } from './messages';
import type { TabProps } from './WorkshopPage';

/** Gruppen: add, rename, delete groups; who is in which group; move people with a select. */
export function GroupsTab({ workshop: w, canFacilitate }: TabProps) {
  const t = useT(wsMessages);
  const qc = useQueryClient();
  const store = useStoreWorkshop();
  const { names } = useConceptNames();
  const people = useParticipants(w.id);
  const [name, setName] = useState('');
  const [districtId, setDistrictId] = useState('');
  const [nameError, setNameError] = useState('');
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [toDelete, setToDelete] = useState<WorkshopGroup | null>(null);

  /** Group writes answer with the workshop; a 204 (or anything else) just reloads it. */
  async function run(action: () => Promise<Workshop | undefined>, message: string) {
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      const next = await action();
      if (next && typeof next === 'object' && 'groups' in next) store(next);
      else void qc.invalidateQueries({ queryKey: wsKeys.one(w.id) });
      void qc.invalidateQueries({ queryKey: wsKeys.participants(w.id) });
      setNotice(message);
      return true;
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.status === 409) void qc.invalidateQueries({ queryKey: wsKeys.one(w.id) });
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function add(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) {
      setNameError(t('errGroupName'));
      document.getElementById('group-new-name')?.focus();
      return;
    }
    setNameError('');
    const ok = await run(() => api.post<Workshop>(`/workshops/${w.id}/groups`, { name: name.trim(), districtId: districtId || null }), t('groupAdded', { name: name.trim() }));
    if (ok) {
      setName('');
      setDistrictId('');
    }
  }

  async function move(p: Participant, groupId: string | null) {
    setError(null);
    setNotice('');
    try {
      const saved = await api.patch<Participant>(`/workshops/${w.id}/participants/${p.id}`, { groupId });
      qc.setQueryData<Participant[]>(wsKeys.participants(w.id), (list) => list?.map((x) => (x.id === p.id ? { ...x, ...saved } : x)));
      const g = w.groups.find((x) => x.id === groupId);
      setNotice(g ? t('moved', { name: p.name, group: g.name }) : t('movedNone', { name: p.name }));
    } catch (e) {
      setError(e);
    }
  }

  const groups = [...w.groups].sort((a, b) => a.position - b.position);
  const list = people.data ?? [];
  const ungrouped = list.filter((p) => !p.groupId || !groups.some((g) => g.id === p.groupId));
  const members = (groupId: string | null, ps: Participant[]) =>
    ps.length === 0 ? (
      <p className="muted">{t('nobodyInGroup')}</p>
    ) : (
      <ul className="ws-members">
        {ps.map((p) => (
          <li key={p.id}>
            <span>{p.name}{p.userId == null && <span className="badge ws-guest">{t('guest')}</span>}</span>
            {canFacilitate && (
              <span className="ws-move">
                <label htmlFor={`move-${p.id}`} className="visually-hidden">{t('moveTo', { name: p.name })}</label>
                <select id={`move-${p.id}`} value={groupId ?? ''} onChange={(e) => move(p, e.target.value || null)}>
                  <option value="">{t('withoutGroup')}</option>
                  {groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
                </select>
              </span>
            )}
          </li>
        ))}
      </ul>
    );

  return (
    <>
      <p className="muted">{t('groupsIntro')}</p>
      <StatusMessage message={notice} />
      <ErrorMessage error={error} />
      <ErrorMessage error={people.error} />
      {people.isPending && <Spinner label={t('loading')} />}
      {groups.length === 0 && <EmptyState>{t('noGroups')}</EmptyState>}
      <div className="ws-groups">
        {groups.map((g) => (
          <GroupCard key={g.id} group={g} district={g.districtId ? names.name(g.districtId) : null} canFacilitate={canFacilitate} busy={busy}
            onRename={(n) => run(() => api.patch<Workshop>(`/workshops/${w.id}/groups/${g.id}`, { name: n }), t('groupRenamed', { name: n }))}
            onDelete={() => setToDelete(g)}>
            {members(g.id, list.filter((p) => p.groupId === g.id))}
          </GroupCard>
        ))}
        {ungrouped.length > 0 && (
          <section className="card ws-group" aria-labelledby="group-none">
            <h3 id="group-none">{t('withoutGroup')}</h3>
            {members(null, ungrouped)}
          </section>
        )}
      </div>
      {canFacilitate && (
        <form onSubmit={add} noValidate className="card ws-inline-form">
          <h3 style={{ marginTop: 0 }}>{t('newGroup')}</h3>
          <div className="field">
            <label htmlFor="group-new-name">{t('newGroupName')}</label>
            <input id="group-new-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)}
              aria-invalid={nameError ? true : undefined} aria-describedby={nameError ? 'group-new-name-error' : undefined} />
            {nameError && <span className="error" id="group-new-name-error">{nameError}</span>}
          </div>
          <div className="field">
            <label htmlFor="group-new-district">{t('district')}</label>
            <select id="group-new-district" value={districtId} onChange={(e) => setDistrictId(e.target.value)}>
              <option value="">{t('noDistrict')}</option>
              {names.districts.map((d) => <option key={d.id} value={d.id}>{d.label}</option>)}
            </select>
          </div>
          <button type="submit" className="btn primary" disabled={busy}>{t('add')}</button>
        </form>
      )}
      <ConfirmDialog open={toDelete != null} title={t('deleteGroupTitle', { name: toDelete?.name ?? '' })} confirmLabel={t('deleteGroup')}
        cancelLabel={t('cancel')} danger onCancel={() => setToDelete(null)}
        onConfirm={() => {
          const g = toDelete;
          setToDelete(null);
          if (g) void run(() => api.del<Workshop>(`/workshops/${w.id}/groups/${g.id}`), t('groupDeleted', { name: g.name }));
        }}>
        <p>{t('deleteGroupText')}</p>
      </ConfirmDialog>
    </>
  );
}

function GroupCard({
  group, district, canFacilitate, busy, onRename, onDelete, children,
}: {
  group: WorkshopGroup;
  district: string | null;
  canFacilitate: boolean;
  busy: boolean;
  onRename: (name: string) => Promise<boolean>;
  onDelete: () => void;
  children: ReactNode;
}) {
  const t = useT(wsMessages);
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(group.name);
  const headingId = `group-${group.id}`;
  return (
    <section className="card ws-group" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {group.name}
        {district && district !== group.name && <span className="muted"> · {district}</span>}
      </h3>
      {renaming ? (
        <form className="ws-inline-form" onSubmit={async (e) => {
          e.preventDefault();
          if (name.trim() && (await onRename(name.trim()))) setRenaming(false);
        }}>
          <div className="field">
            <label htmlFor={`${headingId}-rename`}>{t('renameLabel', { name: group.name })}</label>
            <input id={`${headingId}-rename`} value={name} maxLength={200} autoFocus onChange={(e) => setName(e.target.value)} />
          </div>
          <button type="submit" className="btn primary small" disabled={busy || !name.trim()}>{t('save')}</button>
          <button type="button" className="btn small" onClick={() => { setRenaming(false); setName(group.name); }}>{t('cancel')}</button>
        </form>
      ) : (
        canFacilitate && (
          <div className="row-actions">
            <button type="button" className="btn small" onClick={() => setRenaming(true)} aria-describedby={headingId}>{t('rename')}</button>
            <button type="button" className="btn small danger" onClick={onDelete} aria-describedby={headingId}>{t('deleteGroup')}</button>
          </div>
        )
      )}
      <h4 className="visually-hidden">{t('groupMembers', { name: group.name })}</h4>
      {children}
    </section>
  );
}
