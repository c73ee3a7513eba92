import { useId } from 'react';
import { useT } from '../../i18n/i18n';
import { IMPORT_ENCODINGS, IMPORT_SEPARATORS, type ImportEncoding, type ImportSeparator, type ImportSource } from '../../../contract/import';
import { messages } from './messages';

export interface ReadChoice {
  encoding?: ImportEncoding;
  separator?: ImportSeparator;
}

/**
 * How a CSV file was read (encoding and separator as detected), changeable: a wrong guess shows as broken umlauts
 * or one single column, and the file is read again with the person's choice.
 */
export function SourcePanel({ source, disabled, onChange }: { source: ImportSource; disabled: boolean; onChange: (choice: ReadChoice) => void }) {
  const t = useT(messages);
  const id = useId();
  if (source.format === 'xlsx') return <p>{t('sourceXlsx')}</p>;
  const encoding = source.encoding ?? 'utf-8';
  const separator = source.separator ?? 'semicolon';
  return (
    <>
      <p id={`${id}-info`}>
        {t('sourceCsv', {
          encoding: t(`enc.${source.detectedEncoding ?? encoding}`),
          bom: source.bom ? t('sourceBom') : '',
          separator: t(`sep.${source.detectedSeparator ?? separator}`),
        })}
      </p>
      <div className="actions" style={{ flexWrap: 'wrap', gap: '1rem' }}>
        <div className="field">
          <label htmlFor={`${id}-enc`}>{t('encoding')}</label>
          <select id={`${id}-enc`} value={encoding} disabled={disabled} aria-describedby={`${id}-info`} onChange={(e) => onChange({ encoding: e.target.value as ImportEncoding, separator })}>
            {IMPORT_ENCODINGS.map((enc) => (
              <option key={enc} value={enc}>{t(`enc.${enc}`)}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-sep`}>{t('separator')}</label>
          <select id={`${id}-sep`} value={separator} disabled={disabled} aria-describedby={`${id}-info`} onChange={(e) => onChange({ encoding, separator: e.target.value as ImportSeparator })}>
            {IMPORT_SEPARATORS.map((sep) => (
              <option key={sep} value={sep}>{t(`sep.${sep}`)}</option>
            ))}
          </select>
        </div>
      </div>
      {source.suspectCharacters > 0 && (
        <p className="alert warn" role="status">{t('suspect', { n: source.suspectCharacters })}</p>
      )}
    </>
  );
}
