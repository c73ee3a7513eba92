import { useFormat, useT } from '../../i18n/i18n';
import type { SynergyReason } from '../../../contract/synergies';
import type { ConceptNames } from '../measures/useConcept';
import { synergyMessages } from './messages';

const KEY = { district: 'reasonDistrict', goal: 'reasonGoal', actor: 'reasonActor', actionField: 'reasonActionField', time: 'reasonTime', text: 'reasonText' } as const;

/** The shared items a reason names, in words. */
function items(r: SynergyReason, names: ConceptNames): string {
  if (r.kind === 'text') return (r.words ?? []).join(', ');
  if (r.kind === 'actor') return (r.actors ?? []).join(', ');
  return names.names(r.ids).join(', ');
}

/** The reasons of a pair in words, each with the points it adds; the server sends the strongest first. */
export function ReasonList({ reasons, names, labelledBy }: { reasons: SynergyReason[]; names: ConceptNames; labelledBy?: string }) {
  const t = useT(synergyMessages);
  const f = useFormat();
  if (!reasons.length) return null;
  return (
    <ul className="synergy-reasons" aria-labelledby={labelledBy}>
      {reasons.map((r) => (
        <li key={r.kind}>
          <span>
            {t(KEY[r.kind], {
              items: items(r, names),
              from: f.date(r.from),
              to: f.date(r.to),
            })}
          </span>{' '}
          <span className="synergy-points">{t('points', { n: r.points })}</span>
        </li>
      ))}
    </ul>
  );
}
