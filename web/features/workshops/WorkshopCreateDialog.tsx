import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import { ErrorMessage, FormDialog } from '../../components/ui';
import { ErrorSummary, issuesToErrors, StatusMessage, type FieldErrors } from '../../app/forms';
import { useT } from '../../i18n/i18n';
import type { Workshop } from '../../../contract/workshops';
import { useConceptNames } from '../measures/useConcept';
import { useStoreWorkshop } from './api';
import { wsMessages } from './messages';
import { checkWorkshop, EMPTY_WORKSHOP, fieldLabels, toBody, WorkshopFields, type WorkshopForm } from './WorkshopFields';

interface GroupDraft {
  key: number;
  name: string;
  districtId: string | null;
}

let nextKey = 1;

/** POST /workshops: the workshop with its small groups (quick fill: one group per district). */
export function WorkshopCreateDialog({ onClose }: { onClose: () => void }) {
  const t = useT(wsMessages);
  const navigate = useNavigate();
  const store = useStoreWorkshop();
  const { names, error: conceptError } = useConceptNames();
  const [form, setForm] = useState<WorkshopForm>(EMPTY_WORKSHOP);
  const [groups, setGroups] = useState<GroupDraft[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  const labels = { ...fieldLabels(t), groups: t('groups') };
  const setGroup = (key: number, patch: Partial<GroupDraft>) => setGroups((gs) => gs.map((g) => (g.key === key ? { ...g, ...patch } : g)));

  function perDistrict() {
    if (names.districts.length === 0) return setNotice(t('noDistricts'));
    const existing = new Set(groups.map((g) => g.districtId));
    const added = names.districts.filter((d) => !existing.has(d.id)).map((d) => ({ key: nextKey++, name: d.label, districtId: d.id }));
    setGroups((gs) => [...gs.filter((g) => g.name.trim() || g.districtId), ...added]);
    setNotice(t('groupsPerDistrictDone', { n: added.length }));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const local = checkWorkshop(form, t);
    const badGroup = groups.findIndex((g) => !g.name.trim());
    if (badGroup >= 0) local[`group-${groups[badGroup].key}`] = t('errGroupName');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    setSaving(true);
    try {
      const body = { ...toBody(form), groups: groups.map((g) => ({ name: g.name.trim(), districtId: g.districtId })) };
      const w = await api.post<Workshop>('/workshops', body);
      store(w);
      onClose();
      navigate(`/workshops/${w.id}`, { state: { flash: t('created', { title: w.title }) } });
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) {
        setErrors(issuesToErrors(err.details));
        setAttempt((a) => a + 1);
      } else setError(err);
    } finally {
      setSaving(false);
    }
  }

  const groupLabels = Object.fromEntries(groups.map((g, i) => [`group-${g.key}`, t('groupName', { n: i + 1 })]));
  return (
    <FormDialog title={t('newWorkshop')} onClose={onClose} wide>
      <form onSubmit={submit} noValidate className="ws-form">
        <ErrorSummary errors={errors} labels={{ ...labels, ...groupLabels }} focusKey={attempt}
          fieldId={(f) => (f.startsWith('group-') ? `${f}-name` : `ws-new-${f}`)} />
        <ErrorMessage error={error} />
        <WorkshopFields prefix="ws-new" value={form} onChange={setForm} errors={errors} />
        <fieldset id="ws-new-groups" tabIndex={-1}>
          <legend>{t('groups')}</legend>
          <p className="hint muted" style={{ marginTop: 0 }}>{t('groupsHint')}</p>
          <ErrorMessage error={conceptError} />
          {groups.length > 0 && (
            <ol className="ws-group-drafts">
              {groups.map((g, i) => (
                <li key={g.key}>
                  <div className="field">
                    <label htmlFor={`group-${g.key}-name`}>{t('groupName', { n: i + 1 })}</label>
                    <input id={`group-${g.key}-name`} value={g.name} maxLength={200} onChange={(e) => setGroup(g.key, { name: e.target.value })}
                      aria-invalid={errors[`group-${g.key}`] ? true : undefined}
                      aria-describedby={errors[`group-${g.key}`] ? `group-${g.key}-name-error` : undefined} />
                    {errors[`group-${g.key}`] && <span className="error" id={`group-${g.key}-name-error`}>{errors[`group-${g.key}`]}</span>}
                  </div>
                  <div className="field">
                    <label htmlFor={`group-${g.key}-district`}>{t('groupDistrict', { n: i + 1 })}</label>
                    <select id={`group-${g.key}-district`} value={g.districtId ?? ''} onChange={(e) => setGroup(g.key, { districtId: e.target.value || null })}>
                      <option value="">{t('noDistrict')}</option>
                      {names.districts.map((d) => <option key={d.id} value={d.id}>{d.label}</option>)}
                    </select>
                  </div>
                  <button type="button" className="btn small danger" onClick={() => setGroups((gs) => gs.filter((x) => x.key !== g.key))}>
                    {t('removeGroup', { n: i + 1 })}
                  </button>
                </li>
              ))}
            </ol>
          )}
          <div className="actions">
            <button type="button" className="btn" onClick={perDistrict}>{t('groupsPerDistrict')}</button>
            <button type="button" className="btn" onClick={() => setGroups((gs) => [...gs, { key: nextKey++, name: '', districtId: null }])}>
              {t('addGroup')}
            </button>
          </div>
          <StatusMessage message={notice} kind="info" />
        </fieldset>
        <div className="actions" style={{ justifyContent: 'flex-end' }}>
          <button type="button" className="btn" onClick={onClose}>{t('cancel')}</button>
          <button type="submit" className="btn primary" disabled={saving}>{saving ? t('creating') : t('create')}</button>
        </div>
      </form>
    </FormDialog>
  );
}
