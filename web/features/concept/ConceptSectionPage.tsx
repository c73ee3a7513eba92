import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { Alert, ConfirmDialog, EmptyState, ErrorMessage, PageHeader, Spinner } from '../../components/ui';
import { useCan } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { useT } from '../../i18n/i18n';
import { messages } from './messages';
import { isSection, itemName, sectionItems, sectionPath, type AnyItem, type SectionSlug } from './sections';
import { useConcept, useInvalidateConcept } from './useConcept';
import { SectionTable } from './SectionTable';
import { ItemEditor } from './ItemEditor';

/** /concept/:section — dimensions, fields of action, goals, districts or departments. */
export default function ConceptSectionPage() {
  const { section } = useParams();
  if (!isSection(section)) return <SectionNotFound />;
  return <SectionView key={section} slug={section} />;
}

function SectionNotFound() {
  const t = useT(messages);
  usePageTitle(t('notFoundTitle'));
  return (
    <>
      <PageHeader title={t('notFoundTitle')} />
      <p>{t('notFoundText')}</p>
      <p>
        <Link to="/concept">{t('backToConcept')}</Link>
      </p>
    </>
  );
}

function SectionView({ slug }: { slug: SectionSlug }) {
  const t = useT(messages);
  usePageTitle(t(slug));
  const { canEditConcept } = useCan();
  const concept = useConcept();
  const invalidate = useInvalidateConcept();
  const [editing, setEditing] = useState<{ item: AnyItem | null } | null>(null);
  const [deleting, setDeleting] = useState<AnyItem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const tableRegion = useRef<HTMLDivElement>(null);

  const remove = useMutation({
    mutationFn: (item: AnyItem) => api.del(`${sectionPath(slug)}/${item.id}`, { version: item.version }),
    onSuccess: (_, item) => {
      setNotice(t('deleted', { name: itemName(item) }));
      invalidate();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'version_conflict') invalidate();
    },
    onSettled: () => {
      requestAnimationFrame(() => (newButton.current ?? tableRegion.current)?.focus());
    },
  });

  const deleteError =
    remove.error instanceof ApiError && remove.error.code === 'version_conflict' ? new Error(t('deleteConflict')) : remove.error;

  const items = concept.data ? sectionItems(concept.data, slug) : [];

  return (
    <>
      <p className="no-print" style={{ margin: '0 0 0.5rem' }}>
        <Link to="/concept">← {t('backToConcept')}</Link>
      </p>
      <PageHeader
        title={t(slug)}
        actions={
          canEditConcept && concept.data ? (
            <button
              ref={newButton}
              type="button"
              className="btn primary"
              onClick={() => {
                setNotice(null);
                remove.reset();
                setEditing({ item: null });
              }}
            >
              {t(`${slug}.new`)}
            </button>
          ) : undefined
        }
      >
        <p className="muted" style={{ margin: '0.25rem 0 0' }}>{t(`${slug}.intro`)}</p>
      </PageHeader>
      {!canEditConcept && concept.data && <Alert kind="info">{t('readOnly')}</Alert>}
      {concept.isPending && <Spinner label={t('loading')} />}
      <ErrorMessage error={concept.error} />
      <ErrorMessage error={deleteError} />
      {notice && <Alert kind="success">{notice}</Alert>}
      {concept.data && (
        <div ref={tableRegion} tabIndex={-1}>
          {items.length === 0 ? (
            <EmptyState>{t('empty')}</EmptyState>
          ) : (
            <SectionTable
              slug={slug}
              concept={concept.data}
              canEdit={canEditConcept}
              onEdit={(item) => {
                setNotice(null);
                remove.reset();
                setEditing({ item });
              }}
              onDelete={(item) => {
                setNotice(null);
                remove.reset();
                setDeleting(item);
              }}
            />
          )}
        </div>
      )}
      {editing && concept.data && (
        <ItemEditor
          slug={slug}
          item={editing.item}
          concept={concept.data}
          onClose={() => setEditing(null)}
          onDone={(saved) => {
            setEditing(null);
            setNotice(t('savedItem', { name: itemName(saved) }));
          }}
        />
      )}
      <ConfirmDialog
        open={deleting != null}
        title={t('deleteTitle', { item: t(`${slug}.one`) })}
        confirmLabel={t('delete')}
        cancelLabel={t('cancel')}
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting);
          setDeleting(null);
        }}
      >
        <p>{deleting ? t('deleteText', { name: itemName(deleting) }) : null}</p>
      </ConfirmDialog>
    </>
  );
}
