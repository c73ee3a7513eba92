import { Field } from '../../components/ui';
import { useFormat, useT } from '../../i18n/i18n';
import { ROLE_LABELS } from '../../../domain/labels';
import type { Role } from '../../../contract/common';
import type { Department } from '../../../contract/concept';
import { messages } from './messages';

export const ROLES = Object.keys(ROLE_LABELS) as Role[];
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Role and department selects, used by "add person" and "edit". */
export function RoleDepartmentFields({
  role,
  departmentId,
  departments,
  onRole,
  onDepartment,
  errors = {},
}: {
  role: Role;
  departmentId: string | null;
  departments: Department[];
  onRole: (r: Role) => void;
  onDepartment: (id: string | null) => void;
  errors?: Record<string, string>;
}) {
  const t = useT(messages);
  const f = useFormat();
  return (
    <>
      <Field label={t('role')} hint={t('roleHelp')} error={errors.role}>
        {(p) => (
          <select {...p} value={role} onChange={(e) => onRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {f.label(ROLE_LABELS, r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('department')}
        hint={role === 'department' ? t('departmentRoleHint') : undefined}
        error={errors.departmentId}
      >
        {(p) => (
          <select {...p} value={departmentId ?? ''} onChange={(e) => onDepartment(e.target.value || null)}>
            <option value="">{t('noDepartment')}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.shortName ? `${d.name} (${d.shortName})` : d.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
