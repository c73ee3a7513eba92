import { useId } from 'react';
import { ScrollTable } from '../../components/ui';
import { useFormat, useLocale, useT } from '../../i18n/i18n';
import type { Concept } from '../../../contract/concept';
import { CREATABLE_KINDS, IMPORT_VALUE_KINDS, type ImportPreview, type ImportResolution, type ImportResolutions, type ImportValue, type ImportValueKind } from '../../../contract/import';
import { HORIZON_LABELS, STATUS_LABELS } from '../../../domain/labels';
import { messages } from './messages';

/** The decisions in effect, as the import will receive them: what was sent, else what is proposed. */
export function currentResolutions(preview: ImportPreview): ImportResolutions {
  const r: ImportResolutions = {};
  for (const v of preview.values) if (v.resolution) (r[v.kind] ??= {})[v.value] = v.resolution;
  return r;
}

/** The items a value may be mapped to: the concept's lists, or the fixed vocabularies. */
function targets(kind: ImportValueKind, concept: Concept | undefined, locale: 'de' | 'en'): { id: string; name: string }[] {
  const vocab = (labels: Record<string, Record<'de' | 'en', string>>) => Object.entries(labels).map(([id, l]) => ({ id, name: l[locale] }));
  if (kind === 'status') return vocab(STATUS_LABELS);
  if (kind === 'horizon') return vocab(HORIZON_LABELS);
  if (!concept) return [];
  if (kind === 'district') return concept.districts;
  if (kind === 'department') return concept.departments;
  if (kind === 'actionField') return concept.actionFields;
  if (kind === 'dimension') return concept.dimensions;
  return concept.goals.map((g) => ({ id: g.id, name: g.title }));
}

const encode = (r: ImportResolution | null) => (!r ? '' : r.action === 'map' ? `map:${r.target}` : r.action);
const decode = (s: string): ImportResolution | null =>
  s === 'create' || s === 'ignore' ? { action: s } : s.startsWith('map:') ? { action: 'map', target: s.slice(4) } : null;

/** One table per kind: every new name or unknown word of the file with its decision (create, map, leave out). */
export function ValuesTables({
  preview,
  concept,
  disabled,
  onChange,
}: {
  preview: ImportPreview;
  concept: Concept | undefined;
  disabled: boolean;
  onChange: (kind: ImportValueKind, value: string, resolution: ImportResolution) => void;
}) {
  const t = useT(messages);
  if (!preview.values.length) return <p>{t('noValues')}</p>;
  return (
    <>
      <p className="muted">{t('valuesIntro')}</p>
      {IMPORT_VALUE_KINDS.map((kind) => {
        const values = preview.values.filter((v) => v.kind === kind);
        return values.length ? <KindTable key={kind} kind={kind} values={values} concept={concept} disabled={disabled} onChange={onChange} /> : null;
      })}
    </>
  );
}

function KindTable({
  kind,
  values,
  concept,
  disabled,
  onChange,
}: {
  kind: ImportValueKind;
  values: ImportValue[];
  concept: Concept | undefined;
  disabled: boolean;
  onChange: (kind: ImportValueKind, value: string, resolution: ImportResolution) => void;
}) {
  const t = useT(messages);
  const { locale } = useLocale();
  const id = useId();
  const plural = t(`k.${kind}`);
  const caption = `${plural.charAt(0).toUpperCase()}${plural.slice(1)} (${values.length})`;
  const all = targets(kind, concept, locale);
  const creatable = CREATABLE_KINDS.includes(kind);
  return (
    <ScrollTable label={caption}>
      <table className="data">
        <caption style={{ textAlign: 'left', fontWeight: 600 }}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('valueColumn')}</th>
            <th scope="col">{t('rowsColumn')}</th>
            <th scope="col">{t('decisionColumn')}</th>
            <th scope="col">{t('hintColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {values.map((v, i) => {
            const close = new Set(v.candidates.map((c) => c.target));
            const selectId = `${id}-${i}`;
            const proposed = v.resolution?.action === 'map' ? v.candidates.find((c) => c.target === (v.resolution as { target: string }).target) : undefined;
            return (
              <tr key={v.value}>
                <th scope="row">{v.value}</th>
                <td>{v.rows.join(', ')}{v.count > v.rows.length ? ' …' : ''}</td>
                <td>
                  <label className="visually-hidden" htmlFor={selectId}>{t('decisionFor', { kind: t(`k1.${kind}`), value: v.value })}</label>
                  <select
                    id={selectId}
                    value={encode(v.resolution)}
                    disabled={disabled}
                    onChange={(e) => {
                      const r = decode(e.target.value);
                      if (r) onChange(kind, v.value, r);
                    }}
                  >
                    {!v.resolution && <option value="">{t('choose')}</option>}
                    {creatable && <option value="create">{`${t('create')}: ${v.value}`}</option>}
                    {v.candidates.length > 0 && (
                      <optgroup label={t('proposedGroup')}>
                        {v.candidates.map((c) => (
                          <option key={c.target} value={`map:${c.target}`}>{all.find((x) => x.id === c.target)?.name ?? c.name}</option>
                        ))}
                      </optgroup>
                    )}
                    {all.some((x) => !close.has(x.id)) && (
                      <optgroup label={t('existingGroup')}>
                        {all.filter((x) => !close.has(x.id)).map((x) => (
                          <option key={x.id} value={`map:${x.id}`}>{x.name}</option>
                        ))}
                      </optgroup>
                    )}
                    <option value="ignore">{t('leaveOut')}</option>
                  </select>
                </td>
                <td>
                  {!v.resolution ? (
                    <span className="error">{t('unresolved')}</span>
                  ) : v.confirmed ? null : proposed ? (
                    t('proposed', { p: Math.round(proposed.score * 100) })
                  ) : v.resolution.action === 'create' ? (
                    t('proposedCreate')
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** What one click on "import" will do: how many measures, which items are created, how many values mapped. */
export function ImportSummary({ preview }: { preview: ImportPreview }) {
  const t = useT(messages);
  const f = useFormat();
  const created = CREATABLE_KINDS.map((kind) => ({ kind, names: preview.values.filter((v) => v.kind === kind && v.resolution?.action === 'create').map((v) => v.value) }))
    .filter((c) => c.names.length);
  const mapped = preview.values.filter((v) => v.resolution?.action === 'map').length;
  const ignored = preview.values.filter((v) => v.resolution?.action === 'ignore').length;
  return (
    <ul>
      <li>{t('summaryMeasures', { n: f.number(preview.rowCount) })}</li>
      {created.map((c) => (
        <li key={c.kind}>{t('summaryCreate', { n: c.names.length, kind: t(`k.${c.kind}`), names: c.names.join(', ') })}</li>
      ))}
      {(mapped > 0 || ignored > 0) && <li>{t('summaryMapped', { n: mapped, m: ignored })}</li>}
    </ul>
  );
}
