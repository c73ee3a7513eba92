import { useFormat, useT } from '../../i18n/i18n';
import type { Workshop } from '../../../contract/workshops';
import { wsMessages } from './messages';

/** "22.06.2023" or "22.06.2023 – 23.06.2023". */
export function useWorkshopDate() {
  const fmt = useFormat();
  const t = useT(wsMessages);
  return (w: Pick<Workshop, 'startsOn' | 'endsOn'>) =>
    !w.startsOn ? t('noDate') : w.endsOn && w.endsOn !== w.startsOn ? `${fmt.date(w.startsOn)} – ${fmt.date(w.endsOn)}` : fmt.date(w.startsOn);
}
