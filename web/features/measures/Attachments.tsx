import { useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError, uiLanguage } from '../../api/client';
import { ConfirmDialog, ErrorMessage, Spinner } from '../../components/ui';
import { StatusMessage } from '../../app/forms';
import { useLocale, useT } from '../../i18n/i18n';
import type { Attachment, MeasureDetail } from '../../../contract/measures';
import { measureMessages } from './messages';

const MAX_BYTES = 10 * 1024 * 1024;

/** POST multipart with upload progress (fetch cannot report it); errors become ApiError like api.*. */
function upload(path: string, file: File, onProgress: (p: number) => void): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', api.url(path));
    xhr.setRequestHeader('accept-language', uiLanguage());
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onerror = () => reject(new ApiError(0, 'network', 'Netzwerkfehler – bitte erneut versuchen.'));
    xhr.onload = () => {
      let data: { error?: { code?: string; message?: string; details?: unknown } } | null = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as unknown as Attachment);
      else reject(new ApiError(xhr.status, data?.error?.code ?? 'http_error', data?.error?.message ?? xhr.statusText, data?.error?.details));
    };
    const body = new FormData();
    body.append('file', file);
    xhr.send(body);
  });
}

export function Attachments({ measure, canEdit }: { measure: MeasureDetail; canEdit: boolean }) {
  const t = useT(measureMessages);
  const { locale } = useLocale();
  const qc = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const [toDelete, setToDelete] = useState<Attachment | null>(null);
  const size = (b: number) =>
    b < 1024 * 1024
      ? `${new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 0 }).format(Math.max(1, b / 1024))} KB`
      : `${new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 }).format(b / 1024 / 1024)} MB`;
  const fileUrl = (a: Attachment) => api.url(`/measures/${measure.id}/attachments/${a.id}`);
  const refresh = () => {
    qc.invalidateQueries({ queryKey: ['measure', measure.id] });
    qc.invalidateQueries({ queryKey: ['audit', measure.id] });
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setMessage('');
    const file = fileRef.current?.files?.[0];
    if (!file) return setError(t('chooseFile'));
    if (file.size > MAX_BYTES) return setError(t('tooLarge'));
    setProgress(0);
    try {
      const a = await upload(`/measures/${measure.id}/attachments`, file, setProgress);
      qc.setQueryData<MeasureDetail>(['measure', measure.id], (m) => (m ? { ...m, attachments: [...m.attachments, a] } : m));
      refresh();
      setMessage(t('uploaded', { name: a.filename ?? file.name }));
      if (fileRef.current) fileRef.current.value = '';
    } catch (err) {
      setError(err instanceof ApiError && err.status === 413 ? t('tooLarge') : err);
    } finally {
      setProgress(null);
    }
  }

  async function remove(a: Attachment) {
    setToDelete(null);
    setError(null);
    setMessage('');
    try {
      await api.del(`/measures/${measure.id}/attachments/${a.id}`);
      qc.setQueryData<MeasureDetail>(['measure', measure.id], (m) =>
        m ? { ...m, attachments: m.attachments.filter((x) => x.id !== a.id) } : m,
      );
      refresh();
      setMessage(t('attachmentDeleted', { name: a.filename }));
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="card" aria-labelledby="attachments-title">
      <h2 id="attachments-title" style={{ marginTop: 0 }}>{t('attachments')}</h2>
      <StatusMessage message={message} />
      <ErrorMessage error={error} />
      {measure.attachments.length === 0 ? (
        <p className="muted">{t('noAttachments')}</p>
      ) : (
        <ul className="attachments">
          {measure.attachments.map((a) => (
            <li key={a.id}>
              {a.mimeType.startsWith('image/') && <img src={fileUrl(a)} alt={a.filename} loading="lazy" />}
              <a className="file-name" href={fileUrl(a)} download={a.filename}
                aria-label={t('download', { name: a.filename, size: size(a.sizeBytes) })}>
                {a.filename}
              </a>
              <span className="muted">{size(a.sizeBytes)}</span>
              {canEdit && (
                <button type="button" className="btn small danger no-print" onClick={() => setToDelete(a)}
                  aria-label={t('deleteAttachment', { name: a.filename })}>
                  {t('removeAttachment')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="upload-form attachments-upload no-print" onSubmit={submit} aria-busy={progress != null}>
          <div className="field">
            <label htmlFor="attachment-file">{t('upload')}</label>
            <span className="hint" id="attachment-file-hint">{t('uploadHint')}</span>
            <input id="attachment-file" ref={fileRef} type="file" aria-describedby="attachment-file-hint"
              accept="image/*,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.csv,.txt" />
          </div>
          <button type="submit" className="btn" disabled={progress != null}>{t('uploadButton')}</button>
          {progress != null && (
            <>
              <progress max={100} value={progress} aria-label={t('uploadProgress')} />
              <Spinner label={t('uploading', { p: progress })} />
            </>
          )}
        </form>
      )}
      <ConfirmDialog open={toDelete != null} title={t('deleteAttachmentTitle')} confirmLabel={t('removeAttachment')} cancelLabel={t('cancel')}
        danger onConfirm={() => toDelete && remove(toDelete)} onCancel={() => setToDelete(null)}>
        <p>{t('deleteAttachmentText', { name: toDelete?.filename ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
