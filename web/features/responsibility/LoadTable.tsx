import { useFormat, useT } from '../../i18n/i18n';
import { ScrollTable } from '../../components/ui';
import { HORIZON_LABELS } from '../../../domain/labels';
import { HORIZON_KEYS, type DepartmentLoad } from '../../../contract/responsibility';
import { responsibilityMessages as messages } from './messages';

/** Load per department: counts by role, lead cost, and the same by horizon. */
export function LoadTable({ load }: { load: DepartmentLoad[] }) {
  const t = useT(messages);
  const fmt = useFormat();
  const horizonName = (h: string) => (h === 'none' ? t('noHorizon') : fmt.label(HORIZON_LABELS, h));
  return (
    <ScrollTable label={t('loadTitle')}>
      <table className="load-table">
        <caption className="visually-hidden">{t('loadCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colDepartment')}</th>
            <th scope="col" className="num">{t('colLead')}</th>
            <th scope="col" className="num">{t('colPartner')}</th>
            <th scope="col" className="num">{t('colInformed')}</th>
            <th scope="col" className="num">{t('colCost')}</th>
            {HORIZON_KEYS.map((h) => <th scope="col" key={h}>{horizonName(h)}</th>)}
          </tr>
        </thead>
        <tbody>
          {load.map((d) => (
            <tr key={d.departmentId}>
              <th scope="row">{d.name}</th>
              <td className="num">{d.total.lead}</td>
              <td className="num">{d.total.partner}</td>
              <td className="num">{d.total.informed}</td>
              <td className="num">{fmt.money(d.total.leadCostCents)}</td>
              {HORIZON_KEYS.map((h) => {
                const c = d.byHorizon[h];
                return (
                  <td key={h}>
                    {c.lead + c.partner === 0 ? '–' : t('horizonCell', { lead: c.lead, partner: c.partner, cost: fmt.money(c.leadCostCents) })}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
