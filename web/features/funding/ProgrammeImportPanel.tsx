import { useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { Alert, ErrorMessage, ScrollTable, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import type { ProgrammeImportPreview, ProgrammeImportResult } from '../../../contract/funding';
import { ioMessages } from './ioMessages';
import { useInvalidateFunding } from './queries';

/** Admins: export the catalogue, and import a changed file after a preview (all or nothing). */
export function ProgrammeImportPanel({ onDone }: { onDone: (message: string) => void }) {
  const t = useT(ioMessages);
  const invalidate = useInvalidateFunding();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ProgrammeImportPreview | null>(null);
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const [error, setError] = useState<unknown>(null);

  const form = () => {
    const body = new FormData();
    body.append('file', file as File);
    return body;
  };
  const check = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setPreview(null);
    if (!file) return setError(new Error(t('importNoFile')));
    setBusy('preview');
    try {
      setPreview(await api.post<ProgrammeImportPreview>('/funding-programmes/import/preview', form()));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  const commit = async () => {
    setBusy('import');
    setError(null);
    try {
      const r = await api.post<ProgrammeImportResult>('/funding-programmes/import', form());
      invalidate();
      setPreview(null);
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
      onDone(t('importDone', { created: r.created, updated: r.updated, unchanged: r.unchanged }));
    } catch (err) {
      // the server re-checks: show its row errors when the catalogue changed in between
      if (err instanceof ApiError && err.code === 'import_invalid' && err.details) setPreview(err.details as ProgrammeImportPreview);
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  const changes = preview ? preview.counts.create + preview.counts.update : 0;

  return (
    <section className="card programme-io" aria-labelledby="programme-import-title">
      <h2 id="programme-import-title" className="first">{t('importTitle')}</h2>
      <p className="actions">
        <a className="btn" href={api.url('/funding-programmes/export.xlsx')} download>{t('exportXlsx')}</a>
        <a className="btn" href={api.url('/funding-programmes/export.csv')} download>{t('exportCsv')}</a>
      </p>
      <p className="muted">{t('importIntro')}</p>
      <form className="import-form" onSubmit={check}>
        <div className="field">
          <label htmlFor="programme-import-file">{t('importFile')}</label>
          <input ref={fileRef} id="programme-import-file" type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); setPreview(null); setError(null); }} />
        </div>
        <button type="submit" className="btn" disabled={busy != null}>{t('importPreview')}</button>
      </form>
      {busy === 'preview' && <Spinner label={t('importChecking')} />}
      <ErrorMessage error={error} />
      {preview && (
        <div className="import-preview">
          <h3>{t('previewTitle')}</h3>
          <p role="status">{t('previewCounts', preview.counts)}</p>
          {preview.fileErrors.map((m) => <Alert key={m} kind="error">{m}</Alert>)}
          {!preview.ok && preview.rows.length > 0 && <Alert kind="warn">{t('previewHasErrors')}</Alert>}
          {preview.ok && changes === 0 && <Alert kind="info">{t('previewNothing')}</Alert>}
          {preview.rows.length > 0 && (
            <ScrollTable label={t('previewTitle')}>
              <table className="data stack-table">
                <caption className="visually-hidden">{t('previewCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('colRow')}</th>
                    <th scope="col">{t('colProgramme')}</th>
                    <th scope="col">{t('colAction')}</th>
                    <th scope="col">{t('colDetails')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.row} className={r.action === 'error' ? 'row-error' : undefined}>
                      <td data-label={t('colRow')}>{r.row}</td>
                      <td data-label={t('colProgramme')}>{r.name || '–'}</td>
                      <td data-label={t('colAction')}><span className={`badge import-${r.action}`}>{t(`action_${r.action}`)}</span></td>
                      <td data-label={t('colDetails')}>
                        {r.errors.length ? (
                          <ul className="plain">{r.errors.map((m) => <li key={m}>{m}</li>)}</ul>
                        ) : r.changes.length ? r.changes.join(', ') : '–'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
          <p className="actions">
            <button type="button" className="btn primary" disabled={!preview.ok || changes === 0 || busy != null} onClick={commit}>
              {busy === 'import' ? t('importRunning') : t('importConfirm')}
            </button>
            <button type="button" className="btn" disabled={busy != null} onClick={() => setPreview(null)}>{t('importCancel')}</button>
          </p>
        </div>
      )}
    </section>
  );
}
