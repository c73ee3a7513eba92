import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { Alert, PageHeader } from '../../components/ui';
import { useCan } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { useT } from '../../i18n/i18n';
import type { ImportMapping, ImportPreview, ImportResolution, ImportResult, ImportRowError, ImportValueKind } from '../../../contract/import';
import { useConcept } from '../concept/useConcept';
import { messages } from './messages';
import { importForm, uploadForm, type ImportFormFields, type UploadProgress } from './upload';
import { StepIndicator, UploadProgressView, errorText, type Step } from './parts';
import { FileStep } from './FileStep';
import { MappingTable, SampleTable, ErrorTable } from './MappingStep';
import { SourcePanel, type ReadChoice } from './SourcePanel';
import { currentResolutions, ImportSummary, ValuesTables } from './ValuesTable';

/**
 * /measures/import — three steps: choose file → check how it was read, the mapping of columns, new names and
 * values, and the errors → imported (with the new districts, departments, … in the same transaction).
 */
export default function ImportPage() {
  const t = useT(messages);
  usePageTitle(t('title'));
  const { canImport } = useCan();
  const qc = useQueryClient();
  const [step, setStep] = useState<Step>(1);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [progress, setProgress] = useState<{ importing: boolean; p: UploadProgress } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [failed, setFailed] = useState<ImportRowError[] | null>(null);
  const [imported, setImported] = useState<ImportResult | null>(null);
  const [choice, setChoice] = useState<ReadChoice>({});
  const concept = useConcept();
  const pending = useRef<AbortController | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  // Each new step announces itself: focus moves to its heading.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);
  useEffect(() => () => pending.current?.abort(), []);

  const send = async <T,>(path: string, form: FormData, importing: boolean): Promise<T | null> => {
    pending.current?.abort();
    const ac = new AbortController();
    pending.current = ac;
    setError(null);
    setFailed(null);
    try {
      return await uploadForm<T>(path, form, (p) => setProgress({ importing, p }), ac.signal);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'aborted') return null;
      if (e instanceof ApiError && e.code === 'import_invalid') {
        const list = (e.details as { errors?: ImportRowError[] } | undefined)?.errors;
        setFailed(Array.isArray(list) ? list : []);
      }
      setError(e);
      return null;
    } finally {
      if (pending.current === ac) {
        pending.current = null;
        setProgress(null);
      }
    }
  };

  const loadPreview = async (f: File, fields: ImportFormFields = {}) => {
    const res = await send<ImportPreview>('/measures/import/preview', importForm(f, fields), false);
    if (res) setPreview(res);
    return res;
  };

  const start = async (f: File) => {
    setFile(f);
    setChoice({});
    if (await loadPreview(f)) setStep(2);
  };

  const changeMapping = (mapping: ImportMapping) => {
    if (!file || !preview) return;
    setPreview({ ...preview, mapping }); // show the choice at once; the server's answer follows
    void loadPreview(file, { mapping, resolutions: currentResolutions(preview), ...choice });
  };

  // A decision for one value: shown at once, then the preview is recalculated (lists may split differently).
  const changeValue = (kind: ImportValueKind, value: string, resolution: ImportResolution) => {
    if (!file || !preview) return;
    const resolutions = currentResolutions(preview);
    resolutions[kind] = { ...resolutions[kind], [value]: resolution };
    setPreview({ ...preview, values: preview.values.map((v) => (v.kind === kind && v.value === value ? { ...v, resolution, confirmed: true } : v)) });
    void loadPreview(file, { mapping: preview.mapping, resolutions, ...choice });
  };

  // Another encoding or separator: the file is read again; the columns may differ, so the mapping is suggested anew.
  const changeSource = (next: ReadChoice) => {
    if (!file || !preview) return;
    setChoice(next);
    void loadPreview(file, { resolutions: currentResolutions(preview), ...next });
  };

  const runImport = async () => {
    if (!file || !preview) return;
    const fields = { mapping: preview.mapping, resolutions: currentResolutions(preview), ...choice };
    const res = await send<ImportResult>('/measures/import', importForm(file, fields), true);
    if (res) {
      setImported(res);
      void qc.invalidateQueries({ queryKey: ['concept'] });
      setStep(3);
      void qc.invalidateQueries({ queryKey: ['measures'] });
      void qc.invalidateQueries({ queryKey: ['dashboard'] });
    }
  };

  const reset = () => {
    pending.current?.abort();
    setFile(null);
    setPreview(null);
    setError(null);
    setFailed(null);
    setImported(null);
    setChoice({});
    setStep(1);
  };

  const busy = progress != null;
  const errors = failed ?? preview?.errors ?? [];
  const hasTitle = !!preview && Object.values(preview.mapping).includes('title');
  const blocked = !preview
    ? null
    : errors.length > 0
      ? t('blockedErrors', { n: errors.length })
      : !hasTitle
        ? t('blockedTitle')
        : preview.rowCount === 0
          ? t('blockedEmpty')
          : null;
  const stepName = [t('step1'), t('step2'), t('step3')][step - 1];

  if (!canImport) {
    return (
      <>
        <PageHeader title={t('title')} />
        <Alert kind="warn">{t('notAllowed')}</Alert>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('title')}>
        <p className="muted" style={{ margin: '0.25rem 0 0' }}>{t('intro')}</p>
      </PageHeader>
      <StepIndicator step={step} />
      <section className="card" aria-labelledby="import-step-heading">
        <h2 id="import-step-heading" ref={heading} tabIndex={-1} style={{ marginTop: 0 }}>
          {t('stepOf', { n: step, name: stepName })}
        </h2>
        {error != null && (
          <Alert kind="error">
            {failed ? <strong>{t('failed')} </strong> : null}
            {errorText(error, t('networkError'))}
          </Alert>
        )}
        {progress && <UploadProgressView progress={progress.p} importing={progress.importing} />}

        {step === 1 && <FileStep busy={busy} onNext={start} />}

        {step === 2 && preview && file && (
          <div aria-busy={busy}>
            <p>{t('fileInfo', { name: file.name, rows: preview.rowCount })}</p>
            <h3>{t('sourceHeading')}</h3>
            <SourcePanel source={preview.source} disabled={busy} onChange={changeSource} />
            <h3>{t('mappingHeading')}</h3>
            <p className="muted">{t('mappingIntro')}</p>
            <MappingTable preview={preview} disabled={busy && progress?.importing === true} onChange={changeMapping} />
            <h3>{t('valuesHeading')}</h3>
            <ValuesTables preview={preview} concept={concept.data} disabled={busy && progress?.importing === true} onChange={changeValue} />
            <h3>{t('sampleHeading')}</h3>
            <SampleTable preview={preview} />
            <h3>{t('errorsHeading', { n: errors.length })}</h3>
            {errors.length === 0 ? (
              <p>{t('noErrors')}</p>
            ) : (
              <>
                <p>{t('errorsIntro')}</p>
                <ErrorTable errors={errors} caption={t('errorsHeading', { n: errors.length })} />
              </>
            )}
            <h3>{t('summaryHeading')}</h3>
            <ImportSummary preview={preview} />
            <div className="actions" style={{ marginTop: '1rem' }}>
              <button
                type="button"
                className="btn primary"
                disabled={busy || blocked != null}
                aria-describedby={blocked ? 'import-blocked' : undefined}
                onClick={runImport}
              >
                {preview.rowCount === 1 ? t('importButton1') : t('importButton', { n: preview.rowCount })}
              </button>
              <button type="button" className="btn" onClick={reset}>{t('back')}</button>
            </div>
            {blocked && (
              <p id="import-blocked" className="alert warn" style={{ margin: '0.75rem 0 0' }}>{blocked}</p>
            )}
          </div>
        )}

        {step === 3 && (
          <>
            <Alert kind="success">
              <strong>{t('successTitle')}: </strong>
              {imported?.imported === 1 ? t('success1') : t('success', { n: imported?.imported ?? 0 })}
              {imported?.created?.length ? ` ${t('successCreated', { list: createdByKind(imported.created).map(([kind, names]) => `${names.length} ${t(`k.${kind}`)} (${names.join(', ')})`).join('; ') })}` : null}
            </Alert>
            <div className="actions">
              <Link className="btn primary" to="/measures?sort=-number">{t('toList')}</Link>
              <button type="button" className="btn" onClick={reset}>{t('again')}</button>
            </div>
          </>
        )}
      </section>
    </>
  );
}

/** What the import created, by kind in the order of the file's columns: "7 Stadtteile (…); 8 Ämter (…)". */
function createdByKind<K extends string>(created: { kind: K; name: string }[]): [K, string[]][] {
  const byKind = new Map<K, string[]>();
  for (const c of created) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c.name]);
  return [...byKind.entries()];
}
