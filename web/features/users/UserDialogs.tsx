import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { ErrorMessage, FormDialog } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import type { UserRow } from '../../../contract/auth';
import type { Role } from '../../../contract/common';
import type { Department } from '../../../contract/concept';
import { messages } from './messages';
import { Input } from './AddUserForm';
import { RoleDepartmentFields } from './userFields';
import { authMessages } from '../auth/messages';
import { passwordFeedback, serverPasswordFeedback } from '../auth/passwordFeedback';

function useUpdateUser(user: UserRow, onDone: (u: UserRow) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; role?: Role; departmentId?: string | null; password?: string }) =>
      api.patch<UserRow>(`/users/${user.id}`, body),
    onSuccess: (u) => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      onDone(u);
    },
  });
}

function Buttons({ busy, onClose }: { busy: boolean; onClose: () => void }) {
  const t = useT(messages);
  return (
    <div className="actions" style={{ justifyContent: 'flex-end', marginTop: '1rem' }}>
      <button type="button" className="btn" onClick={onClose}>{t('cancel')}</button>
      <button type="submit" className="btn primary" disabled={busy}>{busy ? t('saving') : t('save')}</button>
    </div>
  );
}

/** PATCH /users/:id: name, role and department of a member. */
export function EditUserDialog({
  user,
  departments,
  onClose,
  onDone,
}: {
  user: UserRow;
  departments: Department[];
  onClose: () => void;
  onDone: (u: UserRow) => void;
}) {
  const t = useT(messages);
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<Role>(user.role);
  const [departmentId, setDepartmentId] = useState<string | null>(user.departmentId);
  const [nameError, setNameError] = useState<string | undefined>();
  const update = useUpdateUser(user, onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setNameError(t('required'));
      document.getElementById('edit-user-name')?.focus();
      return;
    }
    update.mutate({ name: name.trim(), role, departmentId });
  };
  return (
    <FormDialog title={t('editTitle', { name: user.name })} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <ErrorMessage error={update.error} />
        <Input id="edit-user-name" label={`${t('name')} *`} value={name} onChange={setName} error={nameError} autoComplete="off" />
        <RoleDepartmentFields role={role} departmentId={departmentId} departments={departments} onRole={setRole} onDepartment={setDepartmentId} />
        <Buttons busy={update.isPending} onClose={onClose} />
      </form>
    </FormDialog>
  );
}

/** PATCH /users/:id with a new password (admins reset it; the person changes it in the profile later). */
export function ResetPasswordDialog({ user, onClose, onDone }: { user: UserRow; onClose: () => void; onDone: (u: UserRow) => void }) {
  const t = useT(messages);
  const ta = useT(authMessages);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const update = useUpdateUser(user, onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const weak = passwordFeedback(ta, password, [user.email, user.name]);
    setError(weak);
    if (weak) {
      document.getElementById('reset-password')?.focus();
      return;
    }
    // The server also checks the list of common passwords; its reason is shown in the user's language.
    update.mutate({ password }, { onError: (err) => setError(serverPasswordFeedback(ta, err instanceof ApiError ? err.details : undefined)) });
  };
  return (
    <FormDialog title={t('resetTitle', { name: user.name })} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {/* A hidden user name helps password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={user.email} readOnly hidden />
        <ErrorMessage error={error ? null : update.error} />
        <Input
          id="reset-password"
          label={t('newPassword')}
          hint={t('newPasswordHint')}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={error}
        />
        <Buttons busy={update.isPending} onClose={onClose} />
      </form>
    </FormDialog>
  );
}
