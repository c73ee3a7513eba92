import { useState, type ComponentType } from 'react';
import { useMutation } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { Alert, ErrorMessage, FormDialog } from '../../components/ui';
import { issuesToErrors } from '../../app/forms';
import { useT } from '../../i18n/i18n';
import type { Concept } from '../../../contract/concept';
import { messages } from './messages';
import { itemName, sectionItems, sectionPath, type AnyItem, type SectionSlug } from './sections';
import { useInvalidateConcept } from './useConcept';
import type { FormProps } from './formParts';
import { ActionFieldForm, DepartmentForm, DimensionForm, GoalForm } from './ItemForms';
import { DistrictForm } from './DistrictForm';

// Each form is typed for its own section; the editor only passes the matching item.
const FORMS = {
  dimensions: DimensionForm,
  'action-fields': ActionFieldForm,
  goals: GoalForm,
  districts: DistrictForm,
  departments: DepartmentForm,
} as unknown as Record<SectionSlug, ComponentType<FormProps<SectionSlug>>>;

/**
 * Create or edit one concept item in a dialog. Writes carry the version the form was loaded with;
 * a 409 version conflict offers to load the stored record (from `details.current`) into the form.
 */
export function ItemEditor({
  slug,
  item,
  concept,
  onDone,
  onClose,
}: {
  slug: SectionSlug;
  item: AnyItem | null;
  concept: Concept;
  onDone: (saved: AnyItem) => void;
  onClose: () => void;
}) {
  const t = useT(messages);
  const invalidate = useInvalidateConcept();
  const [base, setBase] = useState<AnyItem | null>(item);
  const [generation, setGeneration] = useState(0);

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      base
        ? api.patch<AnyItem>(`${sectionPath(slug)}/${base.id}`, { ...body, version: base.version })
        : api.post<AnyItem>(sectionPath(slug), body),
    onSuccess: (saved) => {
      invalidate();
      onDone(saved);
    },
  });

  const err = save.error instanceof ApiError ? save.error : null;
  const conflict = err?.code === 'version_conflict';
  const fieldErrors = err?.code === 'validation_failed' ? issuesToErrors(err.details) : {};

  const reload = () => {
    const current = (err?.details as { current?: AnyItem } | undefined)?.current;
    const fromList = base ? findIn(concept, slug, base.id) : null;
    const next = current && typeof current.version === 'number' ? current : fromList;
    if (next) setBase(next);
    invalidate();
    save.reset();
    setGeneration((g) => g + 1);
  };

  const Form = FORMS[slug];
  const title = base ? t('editTitle', { item: t(`${slug}.one`), name: itemName(base) }) : t(`${slug}.new`);

  return (
    <FormDialog title={title} onClose={onClose} wide={slug === 'districts' || slug === 'goals'}>
      {conflict ? (
        <Alert kind="warn">
          <p style={{ marginTop: 0 }}>{t('itemConflict')}</p>
          <button type="button" className="btn small" onClick={reload}>
            {t('reload')}
          </button>
        </Alert>
      ) : (
        <ErrorMessage error={save.error} />
      )}
      <Form
        key={generation}
        item={base}
        concept={concept}
        busy={save.isPending}
        errors={fieldErrors}
        onSubmit={(body) => save.mutate(body)}
        onCancel={onClose}
      />
    </FormDialog>
  );
}

function findIn(concept: Concept, slug: SectionSlug, id: string): AnyItem | null {
  return (sectionItems(concept, slug) as AnyItem[]).find((i) => i.id === id) ?? null;
}
