import { useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n/i18n';
import type { Attachment } from '../../../contract/measures';
import { uploadForm } from '../import/upload';
import { joinMessages } from './messages';

const SHRINK_ABOVE = 1.5 * 1024 * 1024;
const LONG_EDGE = 2400;

/** Phone photos are 3–10 MB: send a JPEG of at most 2400 px instead (still sharp for a flip chart). */
async function shrink(file: File): Promise<File> {
  if (file.size < SHRINK_ABOVE || typeof createImageBitmap !== 'function') return file;
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = Math.min(1, LONG_EDGE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!blob || blob.size >= file.size) return file;
    return new File([blob], file.name.replace(/\.[^.]+$/, '') + '.jpg', { type: 'image/jpeg' });
  } catch {
    return file;
  }
}

/** Photo of the flip chart → POST /join/:code/briefs/:id/photos (multipart `file`) with progress. */
export function PhotoUpload({ code, briefId }: { code: string; briefId: string }) {
  const t = useT(joinMessages);
  const input = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<'idle' | 'preparing' | 'sending'>('idle');
  const [progress, setProgress] = useState(0);
  const [done, setDone] = useState(0);
  const [message, setMessage] = useState('');
  const [failed, setFailed] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const id = `photo-${briefId}`;

  async function go(file: File | null | undefined) {
    setFile(file ?? null);
    setFailed(null);
    setMessage('');
    if (!file) return setFailed(t('chooseFile'));
    setPhase('preparing');
    const small = await shrink(file);
    setPhase('sending');
    setProgress(0);
    try {
      const form = new FormData();
      form.append('file', small, small.name);
      await uploadForm<Attachment>(`/join/${encodeURIComponent(code)}/briefs/${briefId}/photos`, form, (p) => setProgress(Math.round(p.fraction * 100)));
      setDone((n) => n + 1);
      setMessage(t('uploaded'));
      if (input.current) input.current.value = '';
    } catch (e) {
      setFailed(e instanceof ApiError && e.status > 0 && e.message ? e.message : t('uploadFailed'));
    } finally {
      setPhase('idle');
    }
  }

  return (
    <div className="photo-upload">
      <div className="field">
        <label htmlFor={id}>{t('photo')}</label>
        <span className="hint" id={`${id}-hint`}>{t('photoHint')}</span>
        <input ref={input} id={id} type="file" accept="image/*" capture="environment" aria-describedby={`${id}-hint`}
          disabled={phase !== 'idle'} onChange={(e) => go(e.target.files?.[0])} />
      </div>
      {phase === 'sending' && (
        <p className="upload-progress">
          <progress max={100} value={progress} aria-label={t('uploadingShort')} />
          <span aria-hidden="true">{t('uploading', { p: progress })}</span>
        </p>
      )}
      <div role="status">
        {phase === 'preparing' && <p>{t('preparing')}</p>}
        {phase === 'sending' && <p className="visually-hidden">{t('uploadingShort')}</p>}
        {message && <p className="alert success">{message}{done > 1 ? ` (${t('photos', { n: done })})` : ''}</p>}
      </div>
      {failed && (
        <div className="alert error" role="alert">
          <p style={{ margin: 0 }}>{failed}</p>
          {file && <button type="button" className="btn small" onClick={() => go(file)}>{t('retry')}</button>}
        </div>
      )}
    </div>
  );
}
