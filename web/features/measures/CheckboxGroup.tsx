import type { ReactNode } from 'react';
import { describedBy, FieldError } from '../../app/forms';
import type { Option } from './useConcept';

/** A fieldset of checkboxes for a multi-select (legend = the group's label). */
export function CheckboxGroup({
  id,
  legend,
  options,
  selected,
  onChange,
  hint,
  error,
  emptyText,
  columns,
}: {
  id: string;
  legend: ReactNode;
  options: Option[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  hint?: ReactNode;
  error?: string;
  emptyText?: string;
  /** lay long labels (goals) out in one column */
  columns?: 1;
}) {
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...selected.filter((s) => s !== value), value] : selected.filter((s) => s !== value));
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={describedBy(id, hint, error)}>
      <legend>{legend}</legend>
      {hint && <div className="hint muted" id={`${id}-hint`}>{hint}</div>}
      {options.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <div className={columns === 1 ? 'checks one-column' : 'checks'}>
          {options.map((o) => (
            <label key={o.id}>
              <input type="checkbox" value={o.id} checked={selected.includes(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} />
              {o.label}
            </label>
          ))}
        </div>
      )}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}
