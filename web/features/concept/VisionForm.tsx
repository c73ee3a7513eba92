import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { Alert, ErrorMessage, Field } from '../../components/ui';
import { useFormat, useT } from '../../i18n/i18n';
import type { Concept, Municipality } from '../../../contract/concept';
import { messages } from './messages';
import { CONCEPT_KEY, useInvalidateConcept } from './useConcept';
import { fundingConceptMessages } from '../funding/conceptMessages';
import { SETTLEMENT_LABELS, SETTLEMENT_TYPES } from '../funding/labels';

type Errors = { from?: string; to?: string };

const yearText = (y: number | null) => (y == null ? '' : String(y));

/** Vision and time horizon, saved with PATCH /municipality and the version it was loaded with. */
export function VisionForm({ municipality }: { municipality: Municipality }) {
  const t = useT(messages);
  const tf = useT(fundingConceptMessages);
  const fmt = useFormat();
  const qc = useQueryClient();
  const invalidate = useInvalidateConcept();
  const [version, setVersion] = useState(municipality.version);
  const [vision, setVision] = useState(municipality.vision);
  const [from, setFrom] = useState(yearText(municipality.horizonStart));
  const [to, setTo] = useState(yearText(municipality.horizonEnd));
  const [financiallyWeak, setFinanciallyWeak] = useState(municipality.financiallyWeak);
  const [settlementType, setSettlementType] = useState<Municipality['settlementType']>(municipality.settlementType ?? 'urban');
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState(false);

  const load = (m: Municipality) => {
    setVersion(m.version);
    setVision(m.vision);
    setFrom(yearText(m.horizonStart));
    setTo(yearText(m.horizonEnd));
    setFinanciallyWeak(m.financiallyWeak);
    setSettlementType(m.settlementType ?? 'urban');
    setErrors({});
  };

  const save = useMutation({
    mutationFn: (body: {
      version: number; vision: string; horizonStart: number | null; horizonEnd: number | null; financiallyWeak: boolean;
      settlementType: Municipality['settlementType'];
    }) =>
      api.patch<Municipality>('/municipality', body),
    onSuccess: (m) => {
      load(m);
      setSaved(true);
      qc.setQueryData<Concept>(CONCEPT_KEY, (c) => (c ? { ...c, municipality: m } : c));
      invalidate();
      void qc.invalidateQueries({ queryKey: ['funding-matches'] });
      void qc.invalidateQueries({ queryKey: ['funding-programme'] });
    },
  });

  const conflict = save.error instanceof ApiError && save.error.status === 409 ? save.error : null;

  const reload = async () => {
    const current = (conflict?.details as { current?: Municipality } | undefined)?.current;
    if (current && typeof current.version === 'number') load(current);
    else {
      const fresh = await api.get<Concept>('/concept');
      qc.setQueryData(CONCEPT_KEY, fresh);
      load(fresh.municipality);
    }
    save.reset();
  };

  const parseYear = (s: string): number | null | 'invalid' => {
    const v = s.trim();
    if (!v) return null;
    if (!/^\d{4}$/.test(v)) return 'invalid';
    const n = Number(v);
    return n < 1900 || n > 2200 ? 'invalid' : n;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const start = parseYear(from);
    const end = parseYear(to);
    const next: Errors = {};
    if (start === 'invalid') next.from = t('yearInvalid');
    if (end === 'invalid') next.to = t('yearInvalid');
    if (!next.from && !next.to && start != null && end != null && end < start) next.to = t('horizonOrder');
    setErrors(next);
    if (next.from || next.to) {
      document.getElementById(next.from ? 'horizon-from' : 'horizon-to')?.focus();
      return;
    }
    save.mutate({ version, vision: vision.trim(), horizonStart: start as number | null, horizonEnd: end as number | null, financiallyWeak, settlementType });
  };

  const describedBy = (id: string, err?: string) => (err ? `${id}-error` : undefined);

  return (
    <form onSubmit={submit} noValidate>
      {conflict ? (
        <Alert kind="warn">
          <p style={{ marginTop: 0 }}>{conflict.code === 'version_conflict' ? t('visionConflict') : conflict.message}</p>
          <button type="button" className="btn small" onClick={reload}>
            {t('reload')}
          </button>
        </Alert>
      ) : (
        <ErrorMessage error={save.error} />
      )}
      {saved && <Alert kind="success">{t('saved')}</Alert>}
      <Field label={t('vision')} hint={t('visionHint')}>
        {(p) => (
          <textarea {...p} rows={8} value={vision} onChange={(e) => { setVision(e.target.value); setSaved(false); }} maxLength={20000} />
        )}
      </Field>
      <fieldset>
        <legend>{t('horizon')}</legend>
        <div className="actions" style={{ alignItems: 'flex-start' }}>
          <div className="field">
            <label htmlFor="horizon-from">{t('horizonStart')}</label>
            <input
              id="horizon-from"
              inputMode="numeric"
              size={6}
              value={from}
              onChange={(e) => { setFrom(e.target.value); setSaved(false); }}
              aria-invalid={errors.from ? true : undefined}
              aria-describedby={describedBy('horizon-from', errors.from)}
            />
            {errors.from && <span className="error" id="horizon-from-error">{errors.from}</span>}
          </div>
          <div className="field">
            <label htmlFor="horizon-to">{t('horizonEnd')}</label>
            <input
              id="horizon-to"
              inputMode="numeric"
              size={6}
              value={to}
              onChange={(e) => { setTo(e.target.value); setSaved(false); }}
              aria-invalid={errors.to ? true : undefined}
              aria-describedby={describedBy('horizon-to', errors.to)}
            />
            {errors.to && <span className="error" id="horizon-to-error">{errors.to}</span>}
          </div>
        </div>
      </fieldset>
      <div className="check-field">
        <input id="financially-weak" type="checkbox" checked={financiallyWeak} aria-describedby="financially-weak-hint"
          onChange={(e) => { setFinanciallyWeak(e.target.checked); setSaved(false); }} />
        <div>
          <label htmlFor="financially-weak">{tf('financiallyWeak')}</label>
          <div className="hint muted" id="financially-weak-hint">{tf('financiallyWeakHint')}</div>
        </div>
      </div>
      <fieldset aria-describedby="settlement-type-hint">
        <legend>{tf('settlementType')}</legend>
        <div className="hint muted" id="settlement-type-hint">{tf('settlementTypeHint')}</div>
        {SETTLEMENT_TYPES.map((type) => (
          <div className="check-field" key={type}>
            <input id={`settlement-${type}`} type="radio" name="settlement-type" value={type} checked={settlementType === type}
              onChange={() => { setSettlementType(type); setSaved(false); }} />
            <label htmlFor={`settlement-${type}`}>{fmt.label(SETTLEMENT_LABELS, type)}</label>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="btn primary" disabled={save.isPending}>
        {save.isPending ? t('saving') : t('save')}
      </button>
    </form>
  );
}
