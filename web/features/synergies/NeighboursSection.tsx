import { Link } from 'react-router';
import { EmptyState, ErrorMessage, Spinner } from '../../components/ui';
import { useFormat, useT } from '../../i18n/i18n';
import { STATUS_LABELS } from '../../../domain/labels';
import type { NeighbourMeasure } from '../../../contract/synergies';
import type { ConceptNames } from '../measures/useConcept';
import { useNeighbours } from './api';
import { synergyMessages } from './messages';

/**
 * "What other departments plan in my districts": one card per district of the department's measures,
 * listing the other departments' measures there with when they run and how far they are.
 */
export function NeighboursList({ departmentId, names }: { departmentId: string; names: ConceptNames }) {
  const t = useT(synergyMessages);
  const q = useNeighbours(departmentId);
  if (q.error) return <ErrorMessage error={q.error} />;
  if (!q.data) return <Spinner label={t('loading')} />;
  if (q.data.districts.length === 0) return <EmptyState>{t('neighboursEmpty')}</EmptyState>;
  return (
    <>
      {q.data.districts.map((d) => (
        <section key={d.districtId} className="card synergy-neighbours" aria-labelledby={`neighbours-${d.districtId}`}>
          <h2 id={`neighbours-${d.districtId}`}>{t('neighboursDistrict', { name: d.name, own: d.own, total: d.total })}</h2>
          {d.measures.length === 0 ? (
            <p>{t('neighboursNone')}</p>
          ) : (
            <ul>
              {d.measures.map((m) => <NeighbourItem key={m.id} m={m} names={names} />)}
              {d.total > d.measures.length && <li>{t('neighboursMore', { n: d.total - d.measures.length })}</li>}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}

function NeighbourItem({ m, names }: { m: NeighbourMeasure; names: ConceptNames }) {
  const t = useT(synergyMessages);
  const f = useFormat();
  // the planned period only where it is known (no period is made up from the horizon)
  const when = m.plannedStart && m.plannedEnd ? t('period', { from: f.date(m.plannedStart), to: f.date(m.plannedEnd) }) : t('noDates');
  return (
    <li>
      <Link to={`/measures/${m.id}`}>Nr. {m.number}: {m.title}</Link>{' '}
      <span className="synergy-dept">
        ({m.leadDepartmentId ? names.name(m.leadDepartmentId) : t('noLead')}; {f.label(STATUS_LABELS, m.status)}; {when})
      </span>
    </li>
  );
}
