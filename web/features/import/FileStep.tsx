import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { messages } from './messages';

/** The headers of the list export: a file with them is mapped automatically on import. */
const TEMPLATE_HEADERS = [
  'Titel', 'Status', 'Zeithorizont', 'Kostenschätzung (EUR)', 'Geplanter Beginn', 'Geplantes Ende', 'Stadtteile',
  'Federführung', 'Beteiligte Ämter', 'Ziele', 'Handlungsfelder', 'Dimensionen', 'Schlagworte', 'Externe Akteure',
  'Zielgruppen', 'Herkunft', 'Ausgangslage', 'Ziel', 'Beschreibung',
];
// German Excel opens ";"-separated UTF-8 with a byte order mark correctly.
const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(`\ufeff${TEMPLATE_HEADERS.join(';')}\r\n`)}`;

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
const isSpreadsheet = (f: File) => /\.(xlsx|csv)$/i.test(f.name);

/** Step 1: choose the file; links to a template and to the export of existing measures as an example. */
export function FileStep({ busy, onNext }: { busy: boolean; onNext: (file: File) => void }) {
  const t = useT(messages);
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const err = !file ? t('fileRequired') : !isSpreadsheet(file) ? t('fileType') : null;
    setError(err);
    if (err) {
      document.getElementById(id)?.focus();
      return;
    }
    onNext(file!);
  };

  return (
    <>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={id}>{t('file')}</label>
          <input
            id={id}
            type="file"
            accept={ACCEPT}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          />
          <span className="hint" id={`${id}-hint`}>{t('fileHint')}</span>
          {error && <span className="error" id={`${id}-error`}>{error}</span>}
        </div>
        <button type="submit" className="btn primary" disabled={busy}>
          {t('next')}
        </button>
      </form>
      <h3>{t('examples')}</h3>
      <ul>
        <li>
          <a href={TEMPLATE_HREF} download="massnahmen-vorlage.csv">{t('template')}</a>
        </li>
        <li>
          <a href={api.url('/measures/export.xlsx')} download>{t('exampleXlsx')}</a>
        </li>
        <li>
          <a href={api.url('/measures/export.csv')} download>{t('exampleCsv')}</a>
        </li>
      </ul>
      <p className="muted">{t('examplesHint')}</p>
    </>
  );
}
