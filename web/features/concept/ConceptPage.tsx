import { Link } from 'react-router';
import { Alert, ErrorMessage, PageHeader, Spinner } from '../../components/ui';
import { useCan } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { useFormat, useT } from '../../i18n/i18n';
import type { Municipality } from '../../../contract/concept';
import { messages } from './messages';
import { SECTIONS, sectionItems } from './sections';
import { useConcept } from './useConcept';
import { VisionForm } from './VisionForm';
import { fundingConceptMessages } from '../funding/conceptMessages';
import { SETTLEMENT_LABELS } from '../funding/labels';

/** /concept: the vision and time horizon, and an overview of the concept's structure. */
export default function ConceptPage() {
  const t = useT(messages);
  usePageTitle(t('title'));
  const { canEditConcept } = useCan();
  const concept = useConcept();

  return (
    <>
      <PageHeader title={t('title')}>
        <p className="muted" style={{ margin: '0.25rem 0 0' }}>{t('intro')}</p>
      </PageHeader>
      {concept.isPending && <Spinner label={t('loading')} />}
      <ErrorMessage error={concept.error} />
      {concept.data && (
        <>
          <section className="card" aria-labelledby="vision-heading">
            <h2 id="vision-heading" style={{ marginTop: 0 }}>{t('visionHeading')}</h2>
            {canEditConcept ? (
              <VisionForm key={concept.data.municipality.id} municipality={concept.data.municipality} />
            ) : (
              <VisionReadOnly municipality={concept.data.municipality} />
            )}
          </section>
          <section aria-labelledby="structure-heading">
            <h2 id="structure-heading">{t('structureHeading')}</h2>
            <ul className="overview-list">
              {SECTIONS.map((slug) => {
                const n = sectionItems(concept.data, slug).length;
                return (
                  <li key={slug}>
                    <span className="count" aria-hidden="true">{n}</span>
                    <Link to={`/concept/${slug}`}>{t(slug)}</Link>
                    <span className="visually-hidden">: {n === 1 ? t('entry') : t('entries', { n })}</span>
                    <p className="muted" style={{ margin: '0.25rem 0 0', fontSize: '0.9rem' }}>{t(`${slug}.intro`)}</p>
                  </li>
                );
              })}
            </ul>
          </section>
        </>
      )}
    </>
  );
}

function VisionReadOnly({ municipality: m }: { municipality: Municipality }) {
  const t = useT(messages);
  const tf = useT(fundingConceptMessages);
  const fmt = useFormat();
  return (
    <>
      <Alert kind="info">{t('readOnly')}</Alert>
      <h3>{t('vision')}</h3>
      {m.vision.trim() ? (
        m.vision.split(/\n{2,}/).map((p, i) => (
          <p key={i} style={{ whiteSpace: 'pre-line' }}>{p}</p>
        ))
      ) : (
        <p className="muted">{t('noVision')}</p>
      )}
      <h3>{t('horizon')}</h3>
      <p>
        {m.horizonStart == null && m.horizonEnd == null
          ? t('notSet')
          : t('horizonValue', { from: m.horizonStart ?? '…', to: m.horizonEnd ?? '…' })}
      </p>
      <p>{m.financiallyWeak ? tf('financiallyWeakYes') : tf('financiallyWeakNo')}</p>
      <p>{tf('settlementTypeIs', { type: fmt.label(SETTLEMENT_LABELS, m.settlementType ?? 'urban') })}</p>
    </>
  );
}
