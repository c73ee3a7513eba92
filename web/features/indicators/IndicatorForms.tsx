import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { Alert, ErrorMessage, Field } from '../../components/ui';
import { useLocale, useT } from '../../i18n/i18n';
import { INDICATOR_KIND_LABELS, INDICATOR_KINDS, parseDecimal, type IndicatorKind } from '../../../domain/indicators';
import type { Indicator, IndicatorImportResult, IndicatorInput, IndicatorValueInput } from '../../../contract/indicators';
import { indicatorMessages as messages } from './messages';

type Target = { date: string; value: string; min: string; max: string };
const today = () => new Date().toISOString().slice(0, 10);
const EMPTY: Target = { date: '', value: '', min: '', max: '' };

/** The typed targets as numbers; null when one is not a number. */
function readTargets(range: boolean, targets: Target[]) {
  const ts = targets.map((x) => ({ date: x.date, value: range ? null : parseDecimal(x.value), min: range ? parseDecimal(x.min) : null, max: range ? parseDecimal(x.max) : null }));
  return ts.some((x) => (range ? x.min == null || x.max == null : x.value == null)) ? null : ts;
}

/** The rows of a target path: date and value (or bounds of a range); one more row on request. */
function TargetFields({ range, targets, onChange }: { range: boolean; targets: Target[]; onChange: (t: Target[]) => void }) {
  const t = useT(messages);
  const setTarget = (k: number, patch: Partial<Target>) => onChange(targets.map((x, j) => (j === k ? { ...x, ...patch } : x)));
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend>{t('targets')}</legend>
      {targets.map((x, k) => (
        <div className="ind-grid" key={k}>
          <Field label={t('targetDate', { n: k + 1 })}>{(p) => <input {...p} type="date" required value={x.date} onChange={(e) => setTarget(k, { date: e.target.value })} />}</Field>
          {range ? (
            <>
              <Field label={t('targetMin', { n: k + 1 })}>{(p) => <input {...p} required inputMode="decimal" value={x.min} onChange={(e) => setTarget(k, { min: e.target.value })} />}</Field>
              <Field label={t('targetMax', { n: k + 1 })}>{(p) => <input {...p} required inputMode="decimal" value={x.max} onChange={(e) => setTarget(k, { max: e.target.value })} />}</Field>
            </>
          ) : (
            <Field label={t('targetValue', { n: k + 1 })}>{(p) => <input {...p} required inputMode="decimal" value={x.value} onChange={(e) => setTarget(k, { value: e.target.value })} />}</Field>
          )}
        </div>
      ))}
      <div className="row-actions">
        <button type="button" className="btn small" onClick={() => onChange([...targets, EMPTY])}>{t('addTarget')}</button>
        {targets.length > 1 && <button type="button" className="btn small" onClick={() => onChange(targets.slice(0, -1))}>{t('removeTarget')}</button>}
      </div>
    </fieldset>
  );
}

const text = (n: number | null) => (n == null ? '' : String(n).replace('.', ','));

/** Changes the whole target path of an indicator (with its version: a stale one is refused). */
export function TargetPathForm({ indicator, onSubmit }: { indicator: Indicator; onSubmit: (b: { version: number; targets: NonNullable<ReturnType<typeof readTargets>> }) => Promise<boolean> }) {
  const t = useT(messages);
  const range = indicator.kind === 'within_range';
  const [targets, setTargets] = useState<Target[]>(indicator.targets.map((x) => ({ date: x.date, value: text(x.value), min: text(x.min), max: text(x.max) })));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const ts = readTargets(range, targets);
    if (!ts) {
      setError(t('numberInvalid'));
      return;
    }
    setError(null);
    setBusy(true);
    await onSubmit({ version: indicator.version, targets: ts });
    setBusy(false);
  }
  return (
    <details>
      <summary>{t('editTargets')}</summary>
      <form className="ind-form" onSubmit={submit} aria-label={`${t('editTargets')}: ${indicator.name}`}>
        {error && <Alert kind="error">{error}</Alert>}
        <TargetFields range={range} targets={targets} onChange={setTargets} />
        <div className="actions"><button type="submit" className="btn" disabled={busy}>{t('save')}</button></div>
      </form>
    </details>
  );
}

/** Adds an indicator with its target path (one or more targets); numbers as people type them (1.234,5). */
export function NewIndicatorForm({ departments, onSubmit }: { departments: { id: string; name: string }[]; onSubmit: (b: IndicatorInput) => Promise<boolean> }) {
  const t = useT(messages);
  const { locale } = useLocale();
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [source, setSource] = useState('');
  const [kind, setKind] = useState<IndicatorKind>('increase_to');
  const [baseline, setBaseline] = useState('');
  const [baselineDate, setBaselineDate] = useState(today());
  const [departmentId, setDepartmentId] = useState('');
  const [targets, setTargets] = useState<Target[]>([EMPTY]);
  const [numberError, setNumberError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const range = kind === 'within_range';

  async function submit(e: FormEvent) {
    e.preventDefault();
    const b = parseDecimal(baseline);
    const ts = readTargets(range, targets);
    if (b == null || !ts) {
      setNumberError(t('numberInvalid'));
      return;
    }
    setNumberError(null);
    setBusy(true);
    const ok = await onSubmit({ name, unit, source, kind, baselineValue: b, baselineDate, departmentId: departmentId || null, targets: ts });
    setBusy(false);
    if (ok) {
      setName('');
      setBaseline('');
      setTargets([EMPTY]);
    }
  }

  return (
    <form className="ind-form" onSubmit={submit} aria-labelledby="new-ind">
      <h3 id="new-ind">{t('addIndicator')}</h3>
      {numberError && <Alert kind="error">{numberError}</Alert>}
      <Field label={t('name')}>{(p) => <input {...p} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
      <div className="ind-grid">
        <Field label={t('kind')}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.target.value as IndicatorKind)}>
              {INDICATOR_KINDS.map((k) => <option key={k} value={k}>{INDICATOR_KIND_LABELS[k][locale]}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('unit')}>{(p) => <input {...p} maxLength={40} value={unit} onChange={(e) => setUnit(e.target.value)} />}</Field>
        <Field label={t('department')}>
          {(p) => (
            <select {...p} value={departmentId} onChange={(e) => setDepartmentId(e.target.value)}>
              <option value="">{t('noDepartment')}</option>
              {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('baseline')} hint={t('numberHint')}>{(p) => <input {...p} required inputMode="decimal" value={baseline} onChange={(e) => setBaseline(e.target.value)} />}</Field>
        <Field label={t('baselineDate')}>{(p) => <input {...p} type="date" required value={baselineDate} onChange={(e) => setBaselineDate(e.target.value)} />}</Field>
        <Field label={t('source')}>{(p) => <input {...p} maxLength={500} value={source} onChange={(e) => setSource(e.target.value)} />}</Field>
      </div>
      <TargetFields range={range} targets={targets} onChange={setTargets} />
      <div className="actions"><button type="submit" className="btn primary" disabled={busy}>{t('save')}</button></div>
    </form>
  );
}

/** One measured value: date, value (1.234,5), note. */
export function ValueForm({ indicator, onSubmit }: { indicator: Indicator; onSubmit: (b: IndicatorValueInput) => Promise<boolean> }) {
  const t = useT(messages);
  const [date, setDate] = useState(today());
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const n = parseDecimal(value);
    if (n == null) {
      setError(t('numberInvalid'));
      return;
    }
    setError(null);
    setBusy(true);
    if (await onSubmit({ date, value: n, note })) {
      setValue('');
      setNote('');
    }
    setBusy(false);
  }
  return (
    <form className="ind-form" onSubmit={submit} aria-label={`${t('addValue')}: ${indicator.name}`}>
      <h4 style={{ margin: '0.25rem 0' }}>{t('addValue')}</h4>
      <div className="ind-grid">
        <Field label={t('date')}>{(p) => <input {...p} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />}</Field>
        <Field label={`${t('value')}${indicator.unit ? ` (${indicator.unit})` : ''}`} hint={t('numberHint')} error={error}>
          {(p) => <input {...p} required inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />}
        </Field>
        <Field label={t('note')}>{(p) => <input {...p} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
      </div>
      <div className="actions"><button type="submit" className="btn" disabled={busy}>{t('addValue')}</button></div>
    </form>
  );
}

/** XLSX/CSV import of measured values: a preview with every row error, then all or nothing. */
export function ImportForm({ goalId, onImported }: { goalId: string; onImported: (n: number) => void }) {
  const t = useT(messages);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<IndicatorImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const send = async (path: string) => {
    const body = new FormData();
    body.append('file', file!);
    setBusy(true);
    setError(null);
    try {
      return await api.post<IndicatorImportResult>(path, body);
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.code === 'import_invalid') setPreview(null);
      return null;
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="card">
      <summary>{t('importTitle')}</summary>
      <p className="muted">{t('importHint')}</p>
      <form onSubmit={async (e) => { e.preventDefault(); setPreview(await send(`/goals/${goalId}/indicators/import/preview`)); }}>
        <Field label={t('file')}>{(p) => <input {...p} type="file" required accept=".xlsx,.csv,text/csv" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setPreview(null); }} />}</Field>
        <button type="submit" className="btn" disabled={busy || !file}>{t('preview')}</button>
      </form>
      <ErrorMessage error={error} />
      {preview && (
        <div role="status">
          <p>{t('previewRows', { n: preview.rows.length })}</p>
          {preview.errors.length > 0 ? (
            <Alert kind="error">
              {t('previewErrors')}
              <ul>{preview.errors.map((x) => <li key={x.line}>{x.message}</li>)}</ul>
            </Alert>
          ) : (
            <button type="button" className="btn primary" disabled={busy} onClick={async () => {
              const done = await send(`/goals/${goalId}/indicators/import`);
              if (done) { setPreview(null); onImported(done.rows.length); }
            }}>{t('importNow', { n: preview.rows.length })}</button>
          )}
        </div>
      )}
    </details>
  );
}
