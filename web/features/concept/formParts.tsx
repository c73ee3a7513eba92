import { Field } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import type { FieldErrors } from '../../app/forms';
import type { Concept } from '../../../contract/concept';
import type { SectionItems, SectionSlug } from './sections';
import { messages } from './messages';

/** What every section form receives from ItemEditor. */
export interface FormProps<S extends SectionSlug> {
  item: SectionItems[S] | null;
  concept: Concept;
  busy: boolean;
  /** field errors from the server's 400 answer or local checks */
  errors: FieldErrors;
  onSubmit: (body: Record<string, unknown>) => void;
  onCancel: () => void;
}

export function TextInput({
  label,
  value,
  onChange,
  error,
  hint,
  required,
  maxLength,
  multiline,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  maxLength?: number;
  multiline?: boolean;
}) {
  return (
    <Field label={required ? `${label} *` : label} hint={hint} error={error}>
      {(p) =>
        multiline ? (
          <textarea {...p} value={value} rows={4} maxLength={maxLength} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input {...p} value={value} maxLength={maxLength} required={required} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
        )
      }
    </Field>
  );
}

export function PositionInput({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const t = useT(messages);
  return (
    <Field label={t('position')} hint={t('positionHint')} error={error}>
      {(p) => <input {...p} type="number" min={0} step={1} inputMode="numeric" value={value} onChange={(e) => onChange(e.target.value)} style={{ width: '8rem' }} />}
    </Field>
  );
}

/** '' → undefined (server decides), otherwise a non-negative integer. */
export const positionValue = (s: string) => (s.trim() === '' ? undefined : Math.max(0, Math.trunc(Number(s)) || 0));
export const positionText = (n: number | undefined) => (n == null ? '' : String(n));

export function FormButtons({ busy, isNew, onCancel }: { busy: boolean; isNew: boolean; onCancel: () => void }) {
  const t = useT(messages);
  return (
    <div className="actions" style={{ justifyContent: 'flex-end', marginTop: '1rem' }}>
      <button type="button" className="btn" onClick={onCancel}>
        {t('cancel')}
      </button>
      <button type="submit" className="btn primary" disabled={busy}>
        {busy ? t('saving') : isNew ? t('create') : t('save')}
      </button>
    </div>
  );
}

/** A group of checkboxes for linking items (goals ↔ fields of action / dimensions). */
export function CheckGroup({
  legend,
  options,
  selected,
  onChange,
}: {
  legend: string;
  options: { id: string; name: string }[];
  selected: string[];
  onChange: (ids: string[]) => void;
}) {
  const t = useT(messages);
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.length === 0 ? (
        <p className="muted" style={{ margin: 0 }}>{t('noneAvailable')}</p>
      ) : (
        <div className="checks">
          {options.map((o) => (
            <label key={o.id}>
              <input
                type="checkbox"
                checked={selected.includes(o.id)}
                onChange={(e) => onChange(e.target.checked ? [...selected, o.id] : selected.filter((id) => id !== o.id))}
              />
              {o.name}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

/** After a failed local check: put focus on the form's first control (the required name/title). */
export function focusFirstField(e: { currentTarget: HTMLFormElement }) {
  const form = e.currentTarget;
  requestAnimationFrame(() => form.querySelector<HTMLElement>('input, textarea')?.focus());
}
