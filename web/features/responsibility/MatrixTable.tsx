import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { RESPONSIBILITY_ROLES, type MatrixDepartment, type MatrixRow, type ResponsibilityRole } from '../../../contract/responsibility';
import { responsibilityMessages as messages } from './messages';

export function roleOf(row: MatrixRow, departmentId: string): ResponsibilityRole {
  if (row.leadDepartmentId === departmentId) return 'lead';
  if (row.partnerDepartmentIds.includes(departmentId)) return 'partner';
  if (row.informedDepartmentIds.includes(departmentId)) return 'informed';
  return 'none';
}

/**
 * The legend under the matrix heading: what F/P/I (L/P/I in English) mean, and the full name behind
 * every department's short name in the column heads.
 */
export function MatrixLegend({ departments }: { departments: MatrixDepartment[] }) {
  const t = useT(messages);
  const short = departments.filter((d) => d.shortName && d.shortName !== d.name);
  return (
    <div className="matrix-legend">
      <h3 className="visually-hidden">{t('legendTitle')}</h3>
      <dl className="matrix-roles">
        {(['lead', 'partner', 'informed', 'none'] as const).map((r) => (
          <div key={r}>
            <dt className={`cell-${r}`}>{t(`short_${r}`)}</dt>
            <dd>{t(`word_${r}`)}</dd>
          </div>
        ))}
      </dl>
      {short.length > 0 && (
        <dl className="matrix-departments" aria-label={t('legendDepartments')}>
          {short.map((d) => (
            <div key={d.id}>
              <dt>{d.shortName}</dt>
              <dd>{d.name}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

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
  // Its own scroll box in both directions (never the page): the head row and the measure column stay
  // in view while scrolling, so every department can be reached on a phone as on a wide screen.
  return (
    <div className="matrix-scroll" tabIndex={0} role="region" aria-label={t('matrixScroll', { n: departments.length })}>
      <table className="matrix-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="matrix-measure">{t('colMeasure')}</th>
            {departments.map((d) => (
              <th scope="col" key={d.id} className="matrix-dept">
                {d.shortName && d.shortName !== d.name ? (
                  <>
                    <abbr title={d.name} aria-hidden="true">{d.shortName}</abbr>
                    <span className="visually-hidden">{d.name}</span>
                  </>
                ) : d.name}
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
                        <abbr aria-hidden="true" title={t(`word_${role}`)}>{t(`short_${role}`)}</abbr>
                        <span className="visually-hidden">{`${label}: ${role === 'lead' ? t('leadFixed') : t(`word_${role}`)}`}</span>
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
    </div>
  );
}
