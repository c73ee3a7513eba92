import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/ui';
import { StatusMessage, TextAreaField, TextField } from '../../app/forms';
import { useT } from '../../i18n/i18n';
import type { MeasureDetail } from '../../../contract/measures';
import { isTransient, send } from './api';
import { joinMessages } from './messages';
import { PhotoUpload } from './PhotoUpload';

interface MyBrief {
  id: string;
  title: string;
  number: number;
}
interface Draft {
  title: string;
  need: string;
  goal: string;
  description: string;
}
const EMPTY: Draft = { title: '', need: '', goal: '', description: '' };

function load<T>(key: string, fallback: T): T {
  try {
    const v = localStorage.getItem(key);
    return v ? (JSON.parse(v) as T) : fallback;
  } catch {
    return fallback;
  }
}

/**
 * "Steckbrief schreiben": a short form (the draft survives a reload or a dropped connection), then an
 * optional photo of the flip chart. The briefs written on this device are listed for more photos.
 */
export function BriefSection({ code, groupName }: { code: string; groupName: string | null }) {
  const t = useT(joinMessages);
  const draftKey = `rf.join.${code}.draft`;
  const listKey = `rf.join.${code}.briefs`;
  const [mine, setMine] = useState<MyBrief[]>(() => load(listKey, []));
  const [draft, setDraft] = useState<Draft>(() => load(draftKey, EMPTY));
  const [writing, setWriting] = useState(() => draft.title !== '' || draft.need !== '' || draft.goal !== '' || draft.description !== '');
  const [restored] = useState(writing);
  const [titleError, setTitleError] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (draft === EMPTY) localStorage.removeItem(draftKey);
    else localStorage.setItem(draftKey, JSON.stringify(draft));
  }, [draft, draftKey]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!draft.title.trim()) {
      setTitleError(t('titleMissing'));
      document.getElementById('brief-title')?.focus();
      return;
    }
    setTitleError('');
    setBusy(true);
    try {
      const m = await send<MeasureDetail>('POST', `/join/${encodeURIComponent(code)}/briefs`, {
        title: draft.title.trim(), need: draft.need.trim(), goal: draft.goal.trim(), description: draft.description.trim(),
      });
      const next = [...mine, { id: m.id, title: m.title, number: m.number }];
      setMine(next);
      localStorage.setItem(listKey, JSON.stringify(next));
      setDraft(EMPTY);
      setWriting(false);
      setNotice(t('briefSaved', { title: m.title, n: m.number }));
      requestAnimationFrame(() => document.getElementById(`photo-${m.id}`)?.focus());
    } catch (err) {
      setError(isTransient(err) ? new Error(t('notSent')) : err);
    } finally {
      setBusy(false);
    }
  }

  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));
  return (
    <section aria-labelledby="join-brief" className="join-section">
      <h2 id="join-brief">{t('briefTitle')}</h2>
      <StatusMessage message={notice} />
      {writing ? (
        <form ref={formRef} onSubmit={submit} noValidate className="join-card brief-form">
          <p className="muted">{t('briefIntro')}</p>
          {restored && <p className="alert info">{t('draftKept')}</p>}
          <ErrorMessage error={error} />
          <TextField id="brief-title" label={t('title')} error={titleError} value={draft.title} onChange={set('title')} maxLength={300} required />
          <TextAreaField id="brief-need" label={t('need')} hint={t('needHint')} value={draft.need} onChange={set('need')} maxLength={5000} rows={3} />
          <TextAreaField id="brief-goal" label={t('goal')} hint={t('goalHint')} value={draft.goal} onChange={set('goal')} maxLength={5000} rows={3} />
          <TextAreaField id="brief-description" label={t('description')} hint={t('descriptionHint')} value={draft.description}
            onChange={set('description')} maxLength={10000} rows={4} />
          {groupName && <p className="hint muted">{t('groupDistrict', { group: groupName })}</p>}
          <div className="join-actions">
            <button type="submit" className="btn primary join-big" disabled={busy}>{busy ? t('sendingBrief') : t('send')}</button>
            <button type="button" className="btn join-big" onClick={() => { setWriting(false); setDraft(EMPTY); }}>{t('cancel')}</button>
          </div>
        </form>
      ) : (
        <button type="button" className="btn primary join-big" onClick={() => {
          setNotice('');
          setWriting(true);
          requestAnimationFrame(() => document.getElementById('brief-title')?.focus());
        }}>
          {mine.length ? t('briefAnother') : t('briefOpen')}
        </button>
      )}
      {mine.length > 0 && (
        <>
          <h3>{t('myBriefs')}</h3>
          <ul className="join-briefs">
            {mine.map((b) => (
              <li key={b.id} className="join-card">
                <p className="vote-label">{b.number}. {b.title}</p>
                <PhotoUpload code={code} briefId={b.id} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
