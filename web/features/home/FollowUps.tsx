import { Link } from 'react-router';
import { useCan } from '../../app/session';
import { useT } from '../../i18n/i18n';
import type { Messages } from '../../i18n/i18n';
import './followUps.css';

/** The step after a step: offered where one step of the process ends (a closed dot vote, a recorded decision). */
const followUpMessages = {
  de: {
    next: 'Nächster Schritt',
    scoreIntro: 'Die Punktabfrage ist abgeschlossen. Bewerten Sie ihre Maßnahmen jetzt nach Kriterien – die Punkte können dort mit einfließen.',
    scoreLink: 'Bewertungsrunde über diese Maßnahmen starten',
    decidedIntro: 'Der Beschluss ist festgehalten. Klären Sie nun, welches Amt die beschlossenen Maßnahmen federführend umsetzt, und suchen Sie Fördermittel.',
    responsibilityLink: 'Zuständigkeiten der beschlossenen Maßnahmen klären',
    fundingLink: 'Finanzierung der beschlossenen Maßnahmen planen',
  },
  en: {
    next: 'Next step',
    scoreIntro: 'The dot vote is closed. Now rate its measures by criteria – the dots can count there too.',
    scoreLink: 'Start a scoring round over these measures',
    decidedIntro: 'The decision is recorded. Now settle which department leads each decided measure, and look for funding.',
    responsibilityLink: 'Settle responsibilities of the decided measures',
    fundingLink: 'Plan the funding of the decided measures',
  },
} satisfies Messages;

/** Under a closed dot vote over measures: start a scoring round over its items (coordinators and admins). */
export function ScoringRoundOffer({ dotRoundId }: { dotRoundId: string }) {
  const t = useT(followUpMessages);
  const can = useCan();
  if (!can.canEditConcept) return null;
  return (
    <div className="follow-up">
      <p><strong>{t('next')}:</strong> {t('scoreIntro')}</p>
      <Link className="btn" to={`/priorities?newRound=1&dotRound=${dotRoundId}`}>{t('scoreLink')}</Link>
    </div>
  );
}

/** Under a recorded decision: the responsibility matrix and the funding overview, filtered to the decided classes. */
export function DecisionFollowUp({ classes }: { classes: string[] }) {
  const t = useT(followUpMessages);
  const priority = [...new Set(classes)].sort().join(',');
  return (
    <div className="follow-up">
      <p><strong>{t('next')}:</strong> {t('decidedIntro')}</p>
      <div className="actions">
        <Link className="btn" to={`/responsibility?priority=${priority}`}>{t('responsibilityLink')}</Link>
        <Link className="btn" to={`/funding/kofi?priority=${priority}`}>{t('fundingLink')}</Link>
      </div>
    </div>
  );
}
