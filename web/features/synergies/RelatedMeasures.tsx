import { useId, useState } from 'react';
import { Link } from 'react-router';
import { ErrorMessage, Spinner } from '../../components/ui';
import { useFormat, useT } from '../../i18n/i18n';
import { useCan } from '../../app/session';
import type { ConceptNames } from '../measures/useConcept';
import { synergyActions, useInvalidateSynergies, useRelated } from './api';
import { synergyMessages } from './messages';
import './synergies.css';

/** The measures confirmed as related to this one (a section of the measure page); editors may unlink. */
export function RelatedMeasures({ measure, names }: { measure: { id: string; leadDepartmentId: string | null }; names: ConceptNames }) {
  const t = useT(synergyMessages);
  const f = useFormat();
  const can = useCan();
  const headingId = useId();
  const q = useRelated(measure.id);
  const invalidate = useInvalidateSynergies();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const coordinatorPlus = can.role === 'admin' || can.role === 'coordinator';
  const canUnlink = (other: string | null) =>
    coordinatorPlus || (can.role === 'department' && !!can.departmentId && [measure.leadDepartmentId, other].includes(can.departmentId));

  async function unlink(otherId: string) {
    setBusy(true);
    setError(null);
    try {
      await synergyActions.unlink(measure.id, otherId);
      invalidate();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card synergy-related" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('related')}</h2>
      <ErrorMessage error={error ?? q.error} />
      {!q.data ? (
        !q.error && <Spinner label={t('loading')} />
      ) : q.data.length === 0 ? (
        <p>{t('relatedEmpty')} <Link to="/synergies">{t('relatedFind')}</Link></p>
      ) : (
        <ul>
          {q.data.map((r) => (
            <li key={r.id}>
              <Link to={`/measures/${r.id}`}>Nr. {r.number}: {r.title}</Link>{' '}
              <span className="synergy-dept">
                ({r.leadDepartmentId ? names.name(r.leadDepartmentId) : t('noLead')}; {t('relatedBy', { by: r.by ?? '–', at: f.date(r.at) })})
              </span>{' '}
              {canUnlink(r.leadDepartmentId) && (
                <button type="button" className="btn small" disabled={busy} aria-label={t('relatedUnlinkLabel', { title: r.title })} onClick={() => unlink(r.id)}>
                  {t('unlink')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {measure.leadDepartmentId && (
        <p>
          <Link to={`/synergies/my-districts?department=${measure.leadDepartmentId}`}>{t('neighboursLink', { dept: names.name(measure.leadDepartmentId) })}</Link>
        </p>
      )}
    </section>
  );
}
