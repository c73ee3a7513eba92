import { useId } from 'react';
import { ScrollTable } from '../../components/ui';
import { useFormat, useT } from '../../i18n/i18n';
import { IMPORT_FIELDS, type ImportField, type ImportMapping, type ImportPreview, type ImportRowError } from '../../../contract/import';
import { messages } from './messages';

/** "Spalte in der Datei → Feld": one select per column of the file. */
export function MappingTable({
  preview,
  disabled,
  onChange,
}: {
  preview: ImportPreview;
  disabled: boolean;
  onChange: (mapping: ImportMapping) => void;
}) {
  const t = useT(messages);
  const id = useId();
  const mapping = preview.mapping;
  const counts = new Map<ImportField, number>();
  for (const h of preview.headers) {
    const f = mapping[h];
    if (f) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  const duplicates = [...counts].filter(([, n]) => n > 1).map(([f]) => f);
  const hasTitle = counts.has('title');
  return (
    <>
      <ScrollTable label={t('mappingHeading')}>
        <table className="data">
          <caption className="visually-hidden">{t('mappingHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('column')}</th>
              <th scope="col">{t('field')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.headers.map((h, i) => (
              <tr key={`${i}-${h}`}>
                <th scope="row">{h || `(${i + 1})`}</th>
                <td>
                  <label className="visually-hidden" htmlFor={`${id}-${i}`}>{t('fieldFor', { column: h })}</label>
                  <select
                    id={`${id}-${i}`}
                    value={mapping[h] ?? ''}
                    disabled={disabled}
                    onChange={(e) => onChange({ ...mapping, [h]: (e.target.value || null) as ImportField | null })}
                  >
                    <option value="">{t('ignore')}</option>
                    {IMPORT_FIELDS.map((f) => (
                      <option key={f} value={f}>{t(`f.${f}`)}</option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {!hasTitle && <p className="error" style={{ color: 'var(--rf-error)' }}>{t('noTitle')}</p>}
      {duplicates.map((f) => (
        <p key={f} className="muted">{t('duplicate', { field: t(`f.${f}`) })}</p>
      ))}
    </>
  );
}

export function SampleTable({ preview }: { preview: ImportPreview }) {
  const t = useT(messages);
  const f = useFormat();
  if (!preview.sample.length) return <p className="muted">{t('noSample')}</p>;
  return (
    <ScrollTable label={t('sampleHeading')}>
      <table className="data">
        <caption className="visually-hidden">{t('sampleHeading')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">{t('row')}</th>
            <th scope="col">{t('sampleTitle')}</th>
            <th scope="col" className="num">{t('sampleCost')}</th>
            <th scope="col">{t('sampleDistricts')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.sample.map((r) => (
            <tr key={r.row}>
              <td className="num">{r.row}</td>
              <th scope="row" style={{ fontWeight: 'normal' }}>{r.title || '–'}</th>
              <td className="num">{f.money(r.costCents)}</td>
              <td>{r.districts.join(', ') || '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** Every row error (row number as in Excel with the list's own number, column header, message). */
export function ErrorTable({ errors, caption }: { errors: ImportRowError[]; caption: string }) {
  const t = useT(messages);
  return (
    <ScrollTable label={caption}>
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">{t('row')}</th>
            <th scope="col">{t('column')}</th>
            <th scope="col">{t('message')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={i}>
              <td className="num">{e.number ? t('rowWithNumber', { row: e.row, number: e.number }) : e.row}</td>
              <td>{e.column ?? t('allColumns')}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
