import { useFormat, useT } from '../../i18n/i18n';
import { ScrollTable } from '../../components/ui';
import { HORIZON_LABELS } from '../../../domain/labels';
import { HORIZON_KEYS, type DepartmentLoad } from '../../../contract/responsibility';
import { responsibilityMessages as messages } from './messages';

/** "F 3": the short letter for the eye (its word on hover), the word for screen readers. */
function Count({ short, word, n }: { short: string; word: string; n: number }) {
  return (
    <span className="nowrap">
      <abbr title={word} aria-hidden="true">{short}</abbr>
      <span className="visually-hidden">{word}</span> {n}
    </span>
  );
}

/**
 * Load per department: counts by role, lead cost, and the same by horizon (counts on one line, the
 * cost below, so the table fits a wide screen; on a phone it scrolls inside its box).
 */
export function LoadTable({ load }: { load: DepartmentLoad[] }) {
  const t = useT(messages);
  const fmt = useFormat();
  const horizonName = (h: string) => (h === 'none' ? t('noHorizon') : fmt.label(HORIZON_LABELS, h));
  return (
    <ScrollTable label={t('loadTitle')}>
      <table className="data load-table">
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
                  <td key={h} className="horizon-cell">
                    {c.lead + c.partner === 0 ? '–' : (
                      <>
                        <Count short={t('short_lead')} word={t('word_lead')} n={c.lead} /> · <Count short={t('short_partner')} word={t('word_partner')} n={c.partner} />
                        <span className="horizon-cost">{fmt.money(c.leadCostCents)}</span>
                      </>
                    )}
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
