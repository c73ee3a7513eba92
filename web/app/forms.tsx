import { useEffect, useRef, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { useT } from '../i18n/i18n';
import { appMessages } from './messages';

/** field name → message */
export type FieldErrors = Record<string, string>;

interface Issue {
  path?: unknown;
  message?: unknown;
}

/**
 * Turns zod issues (from the server's 400 `details`, or a local safeParse) into one message per field.
 * `rename` maps payload field names to form field names (e.g. costCents → cost).
 */
export function issuesToErrors(details: unknown, rename: Record<string, string> = {}): FieldErrors {
  const list: Issue[] = Array.isArray(details)
    ? details
    : details && typeof details === 'object' && Array.isArray((details as { issues?: unknown }).issues)
      ? (details as { issues: Issue[] }).issues
      : [];
  const out: FieldErrors = {};
  for (const issue of list) {
    const raw = Array.isArray(issue.path) ? issue.path : typeof issue.path === 'string' ? issue.path.split('.') : [];
    const first = raw.length ? String(raw[0]) : '_form';
    const field = rename[first] ?? first;
    if (!out[field]) out[field] = String(issue.message ?? '');
  }
  return out;
}

/**
 * The error summary at the top of a form (GOV.UK pattern): receives focus when it appears and
 * links every message to its field.
 */
export function ErrorSummary({
  errors,
  labels,
  fieldId,
  focusKey,
}: {
  errors: FieldErrors;
  /** field name → visible label */
  labels: Record<string, string>;
  /** field name → id of the control to jump to */
  fieldId: (field: string) => string;
  /** changes on each failed submit so that focus moves again */
  focusKey: number;
}) {
  const t = useT(appMessages);
  const ref = useRef<HTMLDivElement>(null);
  const order = Object.keys(labels);
  const rank = (f: string) => (order.includes(f) ? order.indexOf(f) : order.length);
  const entries = Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b));
  useEffect(() => {
    if (entries.length) ref.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey]);
  if (!entries.length) return null;
  return (
    <div className="alert error error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('summaryTitle')}</h2>
      <ul>
        {entries.map(([field, message]) =>
          labels[field] ? (
            <li key={field}>
              <a
                href={`#${fieldId(field)}`}
                onClick={(e) => {
                  e.preventDefault();
                  const el = document.getElementById(fieldId(field));
                  el?.focus();
                  el?.scrollIntoView({ block: 'center' });
                }}
              >
                {labels[field]}: {message}
              </a>
            </li>
          ) : (
            <li key={field}>{message}</li>
          ),
        )}
      </ul>
    </div>
  );
}

/** Inline message under a control; its id is `<controlId>-error` for aria-describedby. */
export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <span className="error" id={`${id}-error`}>
      {error}
    </span>
  );
}

/** aria-describedby for a control with optional hint and error. */
export function describedBy(id: string, hint?: ReactNode, error?: string) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** A labelled input with a fixed id (so that an error summary can link to it). */
export function TextField({
  id,
  label,
  hint,
  error,
  ...rest
}: { id: string; label: ReactNode; hint?: ReactNode; error?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <span className="hint" id={`${id}-hint`}>{hint}</span>}
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...rest} />
      <FieldError id={id} error={error} />
    </div>
  );
}

export function TextAreaField({
  id,
  label,
  hint,
  error,
  ...rest
}: { id: string; label: ReactNode; hint?: ReactNode; error?: string } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <span className="hint" id={`${id}-hint`}>{hint}</span>}
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...rest} />
      <FieldError id={id} error={error} />
    </div>
  );
}

/**
 * A live region that always exists (so screen readers announce changes) and shows a success
 * message when there is one.
 */
export function StatusMessage({ message, kind = 'success' }: { message?: string | null; kind?: 'success' | 'info' }) {
  return <div role="status">{message ? <div className={`alert ${kind}`}>{message}</div> : null}</div>;
}
