import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { ScrollTable } from '../../components/ui';
import { RESPONSIBILITY_ROLES, type MatrixDepartment, type MatrixRow, type ResponsibilityRole } from '../../../contract/responsibility';
import { responsibilityMessages as messages } from './messages';

export function roleOf(row: MatrixRow, departmentId: string): ResponsibilityRole {
  if (row.leadDepartmentId === departmentId) return 'lead';
  if (row.partnerDepartmentIds.includes(departmentId)) return 'partner';
  if (row.informedDepartmentIds.includes(departmentId)) return 'informed';
  return 'none';
}

const SHORT: Record<ResponsibilityRole, string> = { lead: 'F', partner: 'P', informed: 'I', none: '–' };

/**
 * Measures as rows, departments as columns. Editable cells are selects (keyboard: Tab to a cell,
 * arrow keys to choose); the lead cell is fixed text, because a lead is only replaced, never removed.
 */
export function MatrixTable({
  departments,
  rows,
  canEdit,
  busy,
  onChange,
  caption,
}: {
  departments: MatrixDepartment[];
  rows: MatrixRow[];
  canEdit: (row: MatrixRow) => boolean;
  busy: string | null;
  onChange: (row: MatrixRow, dept: MatrixDepartment, role: ResponsibilityRole) => void;
  caption: string;
}) {
  const t = useT(messages);
  return (
    <ScrollTable label={t('matrixTitle')}>
      <table className="matrix-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="matrix-measure">{t('colMeasure')}</th>
            {departments.map((d) => (
              <th scope="col" key={d.id} title={d.name}>
                {d.shortName ? <abbr title={d.name}>{d.shortName}</abbr> : d.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const editable = canEdit(row);
            return (
              <tr key={row.id} className={row.leadDepartmentId ? undefined : 'no-lead'}>
                <th scope="row" className="matrix-measure">
                  <Link to={`/measures/${row.id}`}>
                    <span className="muted">{row.number}</span> {row.title}
                  </Link>
                </th>
                {departments.map((d) => {
                  const role = roleOf(row, d.id);
                  const label = t('cellLabel', { dept: d.name, n: row.number, title: row.title });
                  if (!editable || role === 'lead') {
                    return (
                      <td key={d.id} className={`cell-${role}`}>
                        <span aria-hidden="true">{SHORT[role]}</span>
                        <span className="visually-hidden">{`${label}: ${role === 'lead' ? t('leadFixed') : t(`role_${role}`)}`}</span>
                      </td>
                    );
                  }
                  return (
                    <td key={d.id} className={`cell-${role}`}>
                      <select
                        aria-label={label}
                        value={role}
                        disabled={busy === row.id}
                        onChange={(e) => onChange(row, d, e.target.value as ResponsibilityRole)}
                      >
                        {RESPONSIBILITY_ROLES.map((r) => (
                          <option key={r} value={r}>{t(`role_${r}`)}</option>
                        ))}
                      </select>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}
