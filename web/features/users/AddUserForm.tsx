import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { Alert, ErrorMessage } from '../../components/ui';
import { issuesToErrors } from '../../app/forms';
import { useT } from '../../i18n/i18n';
import type { UserRow } from '../../../contract/auth';
import type { InvitationSent } from '../../../contract/notifications';
import type { Role } from '../../../contract/common';
import type { Department } from '../../../contract/concept';
import { messages } from './messages';
import { EMAIL, RoleDepartmentFields } from './userFields';
import { authMessages } from '../auth/messages';
import { passwordFeedback, serverPasswordFeedback } from '../auth/passwordFeedback';

type Errors = Partial<Record<'email' | 'name' | 'password' | 'role' | 'departmentId', string>>;

/** POST /users: adds a person; creates the account if the e-mail is new (then the password is needed). */
export function AddUserForm({ departments }: { departments: Department[] }) {
  const t = useT(messages);
  const ta = useT(authMessages); // the password rules' reasons, shared with the setup page
  const qc = useQueryClient();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('department');
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [added, setAdded] = useState<string | null>(null);

  const add = useMutation({
    mutationFn: (body: { email: string; name: string; role: Role; departmentId: string | null; password?: string }) =>
      api.post<UserRow | InvitationSent>('/users', body),
    onSuccess: (u) => {
      // an account of another municipality is invited (202), without its name: it joins once the person accepts
      setAdded('invited' in u ? t('invited', { email: u.email }) : t('added', { name: u.name }));
      setEmail('');
      setName('');
      setPassword('');
      setDepartmentId(null);
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'validation_failed') {
        const weak = serverPasswordFeedback(ta, e.details);
        setErrors({ ...(issuesToErrors(e.details) as Errors), ...(weak ? { password: weak } : {}) });
      }
    },
  });

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setAdded(null);
    const next: Errors = {};
    if (!EMAIL.test(email.trim())) next.email = email.trim() ? t('emailInvalid') : t('required');
    if (!name.trim()) next.name = t('required');
    const weak = password ? passwordFeedback(ta, password, [email, name]) : undefined;
    if (weak) next.password = weak;
    setErrors(next);
    const first = (['email', 'name', 'password'] as const).find((k) => next[k]);
    if (first) {
      document.getElementById(`add-user-${first}`)?.focus();
      return;
    }
    add.mutate({ email: email.trim(), name: name.trim(), role, departmentId, password: password || undefined });
  };

  return (
    <form onSubmit={submit} noValidate>
      <p className="muted">{t('addIntro')}</p>
      <ErrorMessage error={add.error} />
      {added && <Alert kind="success">{added}</Alert>}
      <div className="grid-2" style={{ gap: '0 1rem' }}>
        <Input id="add-user-email" label={`${t('email')} *`} type="email" autoComplete="off" value={email} onChange={setEmail} error={errors.email} />
        <Input id="add-user-name" label={`${t('name')} *`} autoComplete="off" value={name} onChange={setName} error={errors.name} />
        <RoleDepartmentFields
          role={role}
          departmentId={departmentId}
          departments={departments}
          onRole={setRole}
          onDepartment={setDepartmentId}
          errors={errors as Record<string, string>}
        />
        <Input
          id="add-user-password"
          label={t('password')}
          hint={t('passwordHint')}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={errors.password}
        />
      </div>
      <button type="submit" className="btn primary" disabled={add.isPending}>
        {add.isPending ? t('adding') : t('add')}
      </button>
    </form>
  );
}

/** A text input with a fixed id, so that a failed check can put the focus on it. */
export function Input({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  type = 'text',
  autoComplete,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (v: string) => void;
  type?: string;
  autoComplete?: string;
}) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        autoComplete={autoComplete}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {hint && <span className="hint" id={`${id}-hint`}>{hint}</span>}
      {error && <span className="error" id={`${id}-error`}>{error}</span>}
    </div>
  );
}
