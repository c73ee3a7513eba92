import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../app/session';
import { FormDialog } from '../../components/ui';
import { useFormat, useT } from '../../i18n/i18n';
import { ScrollTable } from '../../components/ui';
import { MeasurePlanSection } from './MeasurePlanSection';
import { STATUS_LABELS } from '../../../domain/labels';
import type { Roadmap, RoadmapGroup } from '../../../contract/roadmap';
import { groupItems } from './layout';
import { roadmapMessages as messages } from './messages';

/** The roadmap as a table: the accessible equivalent of the timeline (and the better view on a phone). */
export function RoadmapTable({ data, group, name }: { data: Roadmap; group: RoadmapGroup; name: (id: string) => string }) {
  const t = useT(messages);
  const fmt = useFormat();
  const numberOf = new Map([...data.items, ...data.refs].map((m) => [m.id, m.number]));
  const broken = new Set(data.violations.map((v) => v.measureId));
  const groups = groupItems(data.items, group, name);
  const can = useCan();
  const [planning, setPlanning] = useState<Roadmap['items'][number] | null>(null);
  return (
    <>
    <ScrollTable label={t('tableCaption')}>
      <table className="roadmap-table">
        <caption className="visually-hidden">{t('tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colNumber')}</th>
            <th scope="col">{t('colMeasure')}</th>
            <th scope="col">{t('colStart')}</th>
            <th scope="col">{t('colEnd')}</th>
            <th scope="col">{t('colStatus')}</th>
            <th scope="col">{t('colMilestones')}</th>
            <th scope="col">{t('colDepends')}</th>
            <th scope="col">{t('colFlag')}</th>
            <th scope="col"><span className="visually-hidden">{t('planTitle')}</span></th>
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.key ?? 'none'}>
            {group !== 'none' && (
              <tr className="group-row">
                <th scope="rowgroup" colSpan={9}>{g.key ? name(g.key) : t('noGroup')}</th>
              </tr>
            )}
            {g.items.map((m) => (
              <tr key={m.id} className={broken.has(m.id) ? 'broken' : undefined}>
                <td>{m.number}</td>
                <th scope="row"><Link to={`/measures/${m.id}`}>{m.title}</Link></th>
                <td>{fmt.date(m.plannedStart)}</td>
                <td>{fmt.date(m.plannedEnd)}</td>
                <td>{fmt.label(STATUS_LABELS, m.status)}</td>
                <td>
                  {m.milestones.length === 0
                    ? '–'
                    : m.milestones.map((ms) => (
                        <div key={ms.id}>
                          {fmt.date(ms.dueOn)} {ms.title}
                          {ms.done ? ` (${t('done')})` : ''}
                        </div>
                      ))}
                </td>
                <td>
                  {data.dependencies
                    .filter((d) => d.measureId === m.id)
                    .map((d) => `Nr. ${numberOf.get(d.dependsOnId) ?? '?'}`)
                    .join(', ') || '–'}
                </td>
                <td>{broken.has(m.id) ? <strong className="flag">{t('flag')}</strong> : '–'}</td>
                <td>
                  <button type="button" className="btn small no-print" onClick={() => setPlanning(m)} aria-label={`${can.canEditMeasure(m) ? t('planEdit') : t('planShow')} – ${t('planFor', { n: m.number })}`}>
                    {can.canEditMeasure(m) ? t('planEdit') : t('planShow')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </ScrollTable>
    {planning && (
      <FormDialog title={`${planning.number} ${planning.title}`} onClose={() => setPlanning(null)} wide>
        <MeasurePlanSection measureId={planning.id} canEdit={can.canEditMeasure(planning)} />
        <div className="actions">
          <button type="button" className="btn" onClick={() => setPlanning(null)}>{t('close')}</button>
        </div>
      </FormDialog>
    )}
    </>
  );
}
