import { useId } from 'react';
import { Link } from 'react-router';
import { useFormat, useT } from '../../i18n/i18n';
import type { SynergyMeasureRef, SynergyPair } from '../../../contract/synergies';
import type { ConceptNames } from '../measures/useConcept';
import { ReasonList } from './ReasonList';
import { synergyMessages } from './messages';

export type PairAction = 'confirm' | 'merge' | 'dismiss' | 'restore' | 'unlink';

/** One pair: both measures with their lead departments, the score, the reasons and what the user may do. */
export function PairCard({ pair, names, canAct, canMerge, busy, onAction }: {
  pair: SynergyPair;
  names: ConceptNames;
  canAct: boolean;
  canMerge: boolean;
  busy: boolean;
  onAction: (action: PairAction, pair: SynergyPair) => void;
}) {
  const t = useT(synergyMessages);
  const f = useFormat();
  const id = useId();
  const side = (m: SynergyMeasureRef) => (
    <div className="synergy-side">
      <Link to={`/measures/${m.id}`}>Nr. {m.number}: {m.title}</Link>
      <span className="synergy-dept">{m.leadDepartmentId ? t('leadBy', { dept: names.name(m.leadDepartmentId) }) : t('noLead')}</span>
    </div>
  );
  const button = (action: PairAction, label: string, primary = false) => (
    <button type="button" className={`btn small${primary ? ' primary' : ''}`} disabled={busy}
      aria-describedby={`${id}-title`} onClick={() => onAction(action, pair)}>
      {label}
    </button>
  );
  return (
    <li className="card synergy-pair">
      <h3 id={`${id}-title`} className="visually-hidden">{t('pairLabel', { a: pair.a.title, b: pair.b.title })}</h3>
      <div className="synergy-head">
        {side(pair.a)}
        <span className="synergy-link" aria-hidden="true">↔</span>
        {side(pair.b)}
        <div className="synergy-score">
          <strong>{t('score', { score: pair.score })}</strong>
          <span className="synergy-bar" aria-hidden="true"><span style={{ width: `${pair.score}%` }} /></span>
        </div>
      </div>
      <ReasonList reasons={pair.reasons} names={names} />
      {pair.by && pair.at && (
        <p className="synergy-mark">{t(pair.status === 'related' ? 'relatedBy' : 'dismissedBy', { by: pair.by, at: f.dateTime(pair.at) })}</p>
      )}
      {canAct && (
        <div className="actions">
          {pair.status === 'open' && button('confirm', t('confirm'), true)}
          {pair.status === 'open' && canMerge && button('merge', t('merge'))}
          {pair.status === 'open' && button('dismiss', t('dismiss'))}
          {pair.status === 'dismissed' && button('restore', t('undismiss'))}
          {pair.status === 'related' && button('unlink', t('unlink'))}
        </div>
      )}
    </li>
  );
}
