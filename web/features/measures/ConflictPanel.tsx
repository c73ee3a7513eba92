import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/i18n';
import type { MeasureDetail } from '../../../contract/measures';
import { diffFields, type MeasurePayload } from './formModel';
import { measureMessages } from './messages';
import type { ConceptNames } from './useConcept';
import { useValueFormat } from './useValueFormat';

/** Shown after a 409 version_conflict: who changed the measure, what differs, and the two ways out. */
export function ConflictPanel({
  current,
  base,
  who,
  mine,
  names,
  busy,
  onReload,
  onOverwrite,
}: {
  current: MeasureDetail;
  /** the version the user started from: tells whose change each difference is */
  base: MeasureDetail;
  who: string | null;
  mine: MeasurePayload;
  names: ConceptNames;
  busy: boolean;
  onReload: () => void;
  onOverwrite: () => void;
}) {
  const t = useT(measureMessages);
  const { label, value } = useValueFormat(names);
  const ref = useRef<HTMLElement>(null);
  const fields = diffFields(mine, current);
  const mineChanged = new Set(diffFields(mine, base));
  const theirsChanged = new Set(diffFields(base, current));
  const someone = who || t('conflictSomeone');
  const changedBy = (f: (typeof fields)[number]) =>
    mineChanged.has(f) && theirsChanged.has(f) ? t('conflictByBoth', { who: someone })
    : mineChanged.has(f) ? t('conflictByYou')
    : t('conflictByThem', { who: someone });
  useEffect(() => {
    ref.current?.focus();
  }, [current.version]);
  return (
    <section className="alert warn conflict" tabIndex={-1} ref={ref} aria-labelledby="conflict-title">
      <div role="alert">
        <h2 id="conflict-title" style={{ marginTop: 0 }}>{t('conflictTitle', { who: someone })}</h2>
        <p>{t('conflictText')}</p>
      </div>
      {fields.length === 0 ? (
        <p>{t('conflictNoDiff')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">{t('conflictTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('conflictField')}</th>
                <th scope="col">{t('conflictMine')}</th>
                <th scope="col">{t('conflictTheirs')}</th>
                <th scope="col">{t('conflictChangedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => (
                <tr key={f}>
                  <th scope="row">{label(f)}</th>
                  <td className="value">{value(f, mine[f])}</td>
                  <td className="value">{value(f, current[f])}</td>
                  <td>{changedBy(f)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>{t('conflictHow')}</p>
      <div className="actions" style={{ marginTop: '0.75rem' }}>
        <button type="button" className="btn" onClick={onReload} disabled={busy}>{t('conflictReload')}</button>
        <button type="button" className="btn primary" onClick={onOverwrite} disabled={busy}>{t('conflictOverwrite')}</button>
      </div>
    </section>
  );
}
