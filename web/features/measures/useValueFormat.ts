import { useCallback } from 'react';
import { useFormat, useT } from '../../i18n/i18n';
import { HORIZON_LABELS, STATUS_LABELS } from '../../../domain/labels';
import { measureMessages } from './messages';
import type { ConceptNames } from './useConcept';

const ID_LIST_FIELDS = new Set(['districtIds', 'partnerDepartmentIds', 'goalIds', 'actionFieldIds', 'dimensionIds']);

/** Formats a stored measure field value for people (audit trail, conflict comparison). */
export function useValueFormat(names: ConceptNames) {
  const fmt = useFormat();
  const t = useT(measureMessages);
  const label = useCallback(
    (field: string) => {
      const key = `f_${field}` as keyof typeof measureMessages.de;
      return key in measureMessages.de ? t(key) : field;
    },
    [t],
  );
  const value = useCallback(
    (field: string, v: unknown): string => {
      const empty = t('empty_value');
      if (v == null || v === '' || (Array.isArray(v) && v.length === 0)) return empty;
      switch (field) {
        case 'status':
          return fmt.label(STATUS_LABELS, String(v));
        case 'horizon':
          return fmt.label(HORIZON_LABELS, String(v));
        case 'costCents':
          return typeof v === 'number' ? fmt.money(v) : String(v);
        case 'plannedStart':
        case 'plannedEnd':
          return fmt.date(String(v));
        case 'leadDepartmentId':
          return names.name(String(v));
        case 'tags':
          return Array.isArray(v) ? v.join(', ') : String(v);
      }
      if (ID_LIST_FIELDS.has(field) && Array.isArray(v)) return names.names(v.map(String)).join(', ');
      if (typeof v === 'string') return v;
      if (Array.isArray(v))
        return v
          .map((x) => (x && typeof x === 'object' && 'filename' in x ? String((x as { filename: unknown }).filename) : String(x)))
          .join(', ');
      return JSON.stringify(v);
    },
    [fmt, names, t],
  );
  return { label, value };
}
