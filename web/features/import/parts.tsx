import { ApiError } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { messages } from './messages';
import type { UploadProgress } from './upload';

export type Step = 1 | 2 | 3;

/** The wizard's steps as an ordered list; the current one has aria-current="step". */
export function StepIndicator({ step }: { step: Step }) {
  const t = useT(messages);
  const names = [t('step1'), t('step2'), t('step3')];
  return (
    <ol className="steps" aria-label={t('steps')}>
      {names.map((name, i) => {
        const n = (i + 1) as Step;
        const done = n < step || step === 3;
        return (
          <li key={n} aria-current={n === step ? 'step' : undefined} className={done && n !== step ? 'done' : undefined}>
            <span className="step-no" aria-hidden="true">{done && n !== step ? '✓' : n}</span>
            <span>
              <span className="visually-hidden">{t('stepN', { n })}: </span>
              {name}
              {done && n !== step && <span className="visually-hidden"> {t('stepDone')}</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** A progress bar while a file goes up; the live region only announces the phase, not every percent. */
export function UploadProgressView({ progress, importing }: { progress: UploadProgress; importing: boolean }) {
  const t = useT(messages);
  const pct = Math.round(progress.fraction * 100);
  const uploading = progress.phase === 'upload' && pct < 100;
  return (
    <div className="upload-progress">
      {uploading ? (
        <progress max={100} value={pct} aria-label={t('progressLabel')} />
      ) : (
        <progress aria-label={t('progressLabel')} />
      )}
      <span role="status">
        {uploading ? t('uploading', { p: pct }) : importing ? t('importing') : t('processing')}
      </span>
    </div>
  );
}

/** An ApiError in plain words; network failures have no server message. */
export function errorText(e: unknown, networkText: string): string {
  if (e instanceof ApiError) return e.status === 0 || !e.message ? networkText : e.message;
  return e instanceof Error ? e.message : String(e);
}
