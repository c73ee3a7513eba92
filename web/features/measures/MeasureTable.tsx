import { Link } from 'react-router';
import { useFormat, useT } from '../../i18n/i18n';
import type { MeasureListItem } from '../../../contract/measures';
import { HORIZON_LABELS, PRIORITY_LABELS, STATUS_LABELS } from '../../../domain/labels';
import { measureMessages } from './messages';
import type { ConceptNames } from './useConcept';

/** Result table; on phones (≤ 600 px) every row becomes a labelled card (see measures.css). */
export function MeasureTable({ items, names, caption }: { items: MeasureListItem[]; names: ConceptNames; caption: string }) {
  const t = useT(measureMessages);
  const fmt = useFormat();
  const period = (m: MeasureListItem) => {
    if (m.plannedStart || m.plannedEnd)
      return (
        <>
          <span className="nowrap">{fmt.date(m.plannedStart)}</span> – <span className="nowrap">{fmt.date(m.plannedEnd)}</span>
        </>
      );
    return m.horizon ? fmt.label(HORIZON_LABELS, m.horizon) : '–';
  };
  const cols = {
    number: t('colNumber'), title: t('colTitle'), status: t('colStatus'), districts: t('colDistricts'),
    lead: t('colLead'), cost: t('colCost'), period: t('colPeriod'),
  };
  return (
    <div className="table-wrap">
      <table className="data measures">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">{cols.number}</th>
            <th scope="col">{cols.title}</th>
            <th scope="col">{cols.status}</th>
            <th scope="col">{cols.districts}</th>
            <th scope="col">{cols.lead}</th>
            <th scope="col" className="num">{cols.cost}</th>
            <th scope="col">{cols.period}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => {
            const districts = names.names(m.districtIds);
            return (
              <tr key={m.id}>
                <td className="num" data-label={cols.number}>{m.number}</td>
                <td className="title" data-label={cols.title}>
                  <Link to={`/measures/${m.id}`}>{m.title}</Link>
                  {m.tags.length > 0 && (
                    <div className="row-tags">
                      {m.tags.map((tag) => <span key={tag} className="tag">{tag}</span>)}
                    </div>
                  )}
                </td>
                <td data-label={cols.status}>
                  <span className={`badge status-badge s-${m.status}`}>{fmt.label(STATUS_LABELS, m.status)}</span>
                  {m.priority && (
                    <span className="badge priority-badge" title={fmt.label(PRIORITY_LABELS, m.priority)}>
                      <span className="visually-hidden">{t('fPriority')}: </span>{m.priority}
                    </span>
                  )}
                </td>
                <td data-label={cols.districts}>{districts.length ? districts.join(', ') : t('allDistricts')}</td>
                <td data-label={cols.lead}>{names.name(m.leadDepartmentId)}</td>
                <td className="num" data-label={cols.cost}>{fmt.money(m.costCents)}</td>
                <td data-label={cols.period}>{period(m)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
