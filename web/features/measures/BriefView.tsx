import { Link } from 'react-router';
import { useFormat, useT } from '../../i18n/i18n';
import type { MeasureDetail } from '../../../contract/measures';
import { HORIZON_LABELS, PRIORITY_LABELS, STATUS_LABELS } from '../../../domain/labels';
import { measureMessages } from './messages';
import type { ConceptNames } from './useConcept';

/** The project brief as a readable one-pager. */
export function BriefView({ m, names }: { m: MeasureDetail; names: ConceptNames }) {
  const t = useT(measureMessages);
  const fmt = useFormat();
  const list = (ids: string[], fallback = '–') => {
    const n = names.names(ids);
    return n.length ? n.join(', ') : fallback;
  };
  const period = m.plannedStart || m.plannedEnd ? `${fmt.date(m.plannedStart)} – ${fmt.date(m.plannedEnd)}` : '–';
  return (
    <>
      <section className="card" aria-labelledby="brief-facts">
        <h2 id="brief-facts" style={{ marginTop: 0 }}>{t('brief')}</h2>
        <dl className="kv">
          <dt>{t('f_status')}</dt>
          <dd><span className={`badge status-badge s-${m.status}`}>{fmt.label(STATUS_LABELS, m.status)}</span></dd>
          <dt>{t('f_districtIds')}</dt>
          <dd>{list(m.districtIds, t('allDistricts'))}</dd>
          <dt>{t('f_leadDepartmentId')}</dt>
          <dd>{names.name(m.leadDepartmentId)}</dd>
          <dt>{t('f_partnerDepartmentIds')}</dt>
          <dd>{list(m.partnerDepartmentIds)}</dd>
          <dt>{t('f_externalActors')}</dt>
          <dd className="brief-text">{m.externalActors || '–'}</dd>
          <dt>{t('f_targetGroups')}</dt>
          <dd className="brief-text">{m.targetGroups || '–'}</dd>
          <dt>{t('f_costCents')}</dt>
          <dd>{fmt.money(m.costCents)}</dd>
          <dt>{t('f_horizon')}</dt>
          <dd>{fmt.label(HORIZON_LABELS, m.horizon)}</dd>
          <dt>{t('fPriority')}</dt>
          <dd>{m.priority ? fmt.label(PRIORITY_LABELS, m.priority) : t('noPriority')}</dd>
          <dt>{t('period')}</dt>
          <dd>{period}</dd>
          <dt>{t('f_goalIds')}</dt>
          <dd>
            {m.goalIds.length ? (
              <ul className="plain-list">{names.names(m.goalIds).map((g, i) => <li key={m.goalIds[i]}>{g}</li>)}</ul>
            ) : '–'}
          </dd>
          <dt>{t('f_actionFieldIds')}</dt>
          <dd>{list(m.actionFieldIds)}</dd>
          <dt>{t('f_dimensionIds')}</dt>
          <dd>{list(m.dimensionIds)}</dd>
          <dt>{t('f_origin')}</dt>
          <dd>{m.origin || '–'}</dd>
          <dt>{t('f_tags')}</dt>
          <dd>
            {m.tags.length
              ? m.tags.map((tag) => (
                  <Link key={tag} className="tag" to={`/measures?tag=${encodeURIComponent(tag)}`}>{tag}</Link>
                ))
              : '–'}
          </dd>
          <dt>{t('createdAt')}</dt>
          <dd>{fmt.dateTime(m.createdAt)}</dd>
          <dt>{t('updatedAt')}</dt>
          <dd>{fmt.dateTime(m.updatedAt)}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="brief-need">
        <h2 id="brief-need" style={{ marginTop: 0 }}>{t('f_need')}</h2>
        <p className="brief-text">{m.need || '–'}</p>
        <h2 id="brief-goal">{t('f_goal')}</h2>
        <p className="brief-text">{m.goal || '–'}</p>
        <h2 id="brief-description">{t('f_description')}</h2>
        <p className="brief-text">{m.description || '–'}</p>
      </section>
    </>
  );
}
