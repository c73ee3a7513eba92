import { useT } from '../../i18n/i18n';
import { FILTER_LABEL, useFilterOptions } from './MeasureFilters';
import { FILTER_KEYS, type FilterKey, type ListState } from './listParams';
import { measureMessages } from './messages';
import type { ConceptNames } from './useConcept';

/** The active filters as removable chips, visible while the panel is closed. */
export function ActiveFilters({
  state,
  names,
  onChange,
  onReset,
}: {
  state: ListState;
  names: ConceptNames;
  onChange: (key: FilterKey, values: string[]) => void;
  onReset?: () => void;
}) {
  const t = useT(measureMessages);
  const options = useFilterOptions(names);
  const chips = FILTER_KEYS.flatMap((k) =>
    state.filters[k].map((value) => {
      const label = k === 'tag' ? value : (options[k].find((o) => o.id === value)?.label ?? value);
      return { k, value, label: `${t(FILTER_LABEL[k])}: ${label}`, short: label };
    }),
  );
  if (!chips.length && !onReset) return null;
  return (
    <div className="filter-toggle-row" style={{ marginTop: '0.5rem' }}>
      {chips.length > 0 && (
        <ul className="filter-chips" aria-label={t('activeFilters')}>
          {chips.map((c) => (
            <li key={`${c.k}:${c.value}`} className="chip">
              <span>{c.label}</span>
              <button type="button" aria-label={t('removeFilter', { label: c.label })}
                onClick={() => onChange(c.k, state.filters[c.k].filter((v) => v !== c.value))}>
                <span aria-hidden="true">✕</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {onReset && <button type="button" className="btn small" onClick={onReset}>{t('resetFilters')}</button>}
    </div>
  );
}
