import { useEffect, useState, type FormEvent } from 'react';
import { useFormat, useT } from '../../i18n/i18n';
import { HORIZON_LABELS, PRIORITY_LABELS, STATUS_LABELS } from '../../../domain/labels';
import { CheckboxGroup } from './CheckboxGroup';
import { splitTags } from './formModel';
import { FILTER_KEYS, type FilterKey, type ListState } from './listParams';
import { measureMessages, type MeasureMessageKey } from './messages';
import type { ConceptNames, Option } from './useConcept';

export const FILTER_LABEL: Record<FilterKey, MeasureMessageKey> = {
  district: 'fDistrict', department: 'fDepartment', actionField: 'fActionField', goal: 'fGoal',
  dimension: 'fDimension', status: 'fStatus', horizon: 'fHorizon', priority: 'fPriority', tag: 'fTag',
};

/** Options per filter: concept lists from GET /concept, fixed vocabularies from domain/labels (keeps zod out of the list chunk). */
export function useFilterOptions(names: ConceptNames): Record<Exclude<FilterKey, 'tag'>, Option[]> {
  const fmt = useFormat();
  return {
    district: names.districts,
    department: names.departments,
    actionField: names.actionFields,
    goal: names.goals,
    dimension: names.dimensions,
    status: Object.keys(STATUS_LABELS).map((s) => ({ id: s, label: fmt.label(STATUS_LABELS, s) })),
    horizon: Object.keys(HORIZON_LABELS).map((h) => ({ id: h, label: fmt.label(HORIZON_LABELS, h) })),
    priority: Object.keys(PRIORITY_LABELS).map((p) => ({ id: p, label: fmt.label(PRIORITY_LABELS, p) })),
  };
}

/** The collapsible panel of checkbox groups; every change goes straight into the URL. */
export function MeasureFilters({
  state,
  names,
  onChange,
}: {
  state: ListState;
  names: ConceptNames;
  onChange: (key: FilterKey, values: string[]) => void;
}) {
  const t = useT(measureMessages);
  const options = useFilterOptions(names);
  const [tags, setTags] = useState(state.filters.tag.join(', '));
  const tagKey = state.filters.tag.join(',');
  useEffect(() => setTags(state.filters.tag.join(', ')), [tagKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const applyTags = (e: FormEvent) => {
    e.preventDefault();
    onChange('tag', splitTags(tags));
  };

  return (
    <div className="card filter-panel">
      <div className="grid-2">
        {FILTER_KEYS.filter((k): k is Exclude<FilterKey, 'tag'> => k !== 'tag').map((k) => (
          <CheckboxGroup
            key={k}
            id={`filter-${k}`}
            legend={t(FILTER_LABEL[k])}
            options={options[k]}
            selected={state.filters[k]}
            onChange={(v) => onChange(k, v)}
            columns={k === 'goal' ? 1 : undefined}
            emptyText={t('noOptions')}
          />
        ))}
        <form onSubmit={applyTags} className="tag-filter">
          <div className="field">
            <label htmlFor="filter-tag">{t('fTag')}</label>
            <span className="hint" id="filter-tag-hint">{t('fTagHint')}</span>
            <input id="filter-tag" value={tags} onChange={(e) => setTags(e.target.value)} aria-describedby="filter-tag-hint" />
          </div>
          <button type="submit" className="btn small">{t('applyTags')}</button>
        </form>
      </div>
    </div>
  );
}
