import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { ScrollTable } from '../../components/ui';
import type { Concept } from '../../../contract/concept';
import { messages } from './messages';
import { itemName, sectionItems, type AnyItem, type SectionItems, type SectionSlug } from './sections';
import { GeoPreview } from './GeoPreview';

const clip = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()} …` : s);

/** The items of one concept section as a table; edit/delete buttons only for editors. */
export function SectionTable({
  slug,
  concept,
  canEdit,
  onEdit,
  onDelete,
}: {
  slug: SectionSlug;
  concept: Concept;
  canEdit: boolean;
  onEdit: (item: AnyItem) => void;
  onDelete: (item: AnyItem) => void;
}) {
  const t = useT(messages);
  const items = sectionItems(concept, slug) as AnyItem[];
  const names = (ids: string[], list: { id: string; name: string }[]) =>
    ids.map((id) => list.find((x) => x.id === id)?.name).filter(Boolean).join(', ') || '–';

  const extraHeaders: Record<SectionSlug, string[]> = {
    dimensions: [t('description')],
    'action-fields': [t('description')],
    goals: [t('actionFieldsCol'), t('dimensionsCol')],
    districts: [t('description'), t('boundaryCol')],
    departments: [t('shortNameCol'), t('head')],
  };

  const extraCells = (item: AnyItem) => {
    switch (slug) {
      case 'dimensions':
      case 'action-fields':
        return [<td key="d">{clip((item as SectionItems['dimensions']).description) || '–'}</td>];
      case 'goals': {
        const g = item as SectionItems['goals'];
        return [
          <td key="a">{names(g.actionFieldIds, concept.actionFields)}</td>,
          <td key="d">{names(g.dimensionIds, concept.dimensions)}</td>,
        ];
      }
      case 'districts': {
        const d = item as SectionItems['districts'];
        return [
          <td key="d">{clip(d.description) || '–'}</td>,
          <td key="b">{d.boundary ? <GeoPreview boundary={d.boundary} name={d.name} width={72} height={54} /> : t('noBoundary')}</td>,
        ];
      }
      case 'departments': {
        const d = item as SectionItems['departments'];
        return [<td key="s">{d.shortName || '–'}</td>, <td key="h">{d.head || '–'}</td>];
      }
    }
  };

  return (
    <ScrollTable label={t(slug)}>
      <table className="data">
        <caption className="visually-hidden">{t(slug)}</caption>
        <thead>
          <tr>
            <th scope="col">{slug === 'goals' ? t('titleField') : t('name')}</th>
            {extraHeaders[slug].map((h) => (
              <th scope="col" key={h}>{h}</th>
            ))}
            {canEdit && <th scope="col">{t('actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                {slug === 'dimensions' && (
                  <span className="swatch" aria-hidden="true" style={{ background: (item as SectionItems['dimensions']).color || 'transparent' }} />
                )}
                {/* a goal has its own page with its indicators */}
                {slug === 'goals' ? <Link to={`/concept/goals/${item.id}`}>{itemName(item)}</Link> : itemName(item)}
              </th>
              {extraCells(item)}
              {canEdit && (
                <td>
                  <div className="row-actions">
                    <button type="button" className="btn small" onClick={() => onEdit(item)} aria-label={`${t('edit')}: ${itemName(item)}`}>
                      {t('edit')}
                    </button>
                    <button type="button" className="btn small danger" onClick={() => onDelete(item)} aria-label={`${t('delete')}: ${itemName(item)}`}>
                      {t('delete')}
                    </button>
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
