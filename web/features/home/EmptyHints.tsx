import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import type { Messages } from '../../i18n/i18n';

const emptyMessages = {
  de: {
    roadmap: 'Der Fahrplan zeigt jede Maßnahme mit geplantem Beginn und Ende als Balken, mit Meilensteinen und Abhängigkeiten. Tragen Sie die Daten in den Steckbriefen ein.',
    toMeasures: 'Zu den Maßnahmen',
  },
  en: {
    roadmap: 'The roadmap shows every measure with a planned start and end as a bar, with milestones and dependencies. Enter the dates in the briefs.',
    toMeasures: 'To the measures',
  },
} satisfies Messages;

/** Under an empty roadmap: what it shows and where its data comes from. */
export function RoadmapEmptyHint() {
  const t = useT(emptyMessages);
  return (
    <>
      <p>{t('roadmap')}</p>
      <Link className="btn" to="/measures">{t('toMeasures')}</Link>
    </>
  );
}
