import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import type { SynergyPair } from '../../../contract/synergies';
import { synergyMessages } from './messages';

/** Asks which of the two measures stays before merging; the other one is deleted. */
export function MergeDialog({ pair, onMerge, onCancel }: { pair: SynergyPair | null; onMerge: (keepId: string) => void; onCancel: () => void }) {
  const t = useT(synergyMessages);
  const [keep, setKeep] = useState<string>('');
  useEffect(() => setKeep(pair?.a.id ?? ''), [pair]);
  return (
    <ConfirmDialog open={!!pair} title={t('mergeTitle')} confirmLabel={t('mergeConfirm')} cancelLabel={t('cancel')} danger
      onConfirm={() => onMerge(keep)} onCancel={onCancel}>
      <p>{t('mergeText')}</p>
      {pair && (
        <fieldset>
          <legend>{t('mergeKeep')}</legend>
          {[pair.a, pair.b].map((m) => (
            <label key={m.id} className="synergy-radio">
              <input type="radio" name="merge-keep" value={m.id} checked={keep === m.id} onChange={() => setKeep(m.id)} />
              Nr. {m.number}: {m.title}
            </label>
          ))}
        </fieldset>
      )}
    </ConfirmDialog>
  );
}
