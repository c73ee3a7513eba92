import { useId } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorMessage, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import type { ConceptNames } from '../measures/useConcept';
import { useNeighbours } from './api';
import { synergyMessages } from './messages';

/** "What other departments plan in my districts": per district of the department's measures. */
export function NeighboursSection({ departmentId, names }: { departmentId: string | null; names: ConceptNames }) {
  const t = useT(synergyMessages);
  const headingId = useId();
  const q = useNeighbours(departmentId);
  return (
    <section aria-labelledby={headingId} className="synergy-neighbours">
      <h2 id={headingId}>{departmentId ? t('neighboursFor', { dept: names.name(departmentId) }) : t('neighbours')}</h2>
      {!departmentId ? (
        <p>{t('neighboursPick')}</p>
      ) : q.error ? (
        <ErrorMessage error={q.error} />
      ) : !q.data ? (
        <Spinner label={t('loading')} />
      ) : q.data.districts.length === 0 ? (
        <EmptyState>{t('neighboursEmpty')}</EmptyState>
      ) : (
        q.data.districts.map((d) => (
          <div key={d.districtId} className="card">
            <h3>{t('neighboursDistrict', { name: d.name, own: d.own, total: d.total })}</h3>
            {d.measures.length === 0 ? (
              <p>{t('neighboursNone')}</p>
            ) : (
              <ul>
                {d.measures.map((m) => (
                  <li key={m.id}>
                    <Link to={`/measures/${m.id}`}>Nr. {m.number}: {m.title}</Link>{' '}
                    <span className="synergy-dept">({m.leadDepartmentId ? names.name(m.leadDepartmentId) : t('noLead')})</span>
                  </li>
                ))}
                {d.total > d.measures.length && <li>{t('neighboursMore', { n: d.total - d.measures.length })}</li>}
              </ul>
            )}
          </div>
        ))
      )}
    </section>
  );
}
