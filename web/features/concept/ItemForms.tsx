import { useState, type FormEvent } from 'react';
import { Field } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { messages } from './messages';
import { CheckGroup, FormButtons, focusFirstField, PositionInput, TextInput, positionText, positionValue, type FormProps } from './formParts';

const DEFAULT_COLORS = ['#a4161a', '#1e6b3a', '#0b57d0', '#8a4b00', '#5b2a86', '#00676b'];

export function DimensionForm({ item, concept, busy, errors, onSubmit, onCancel }: FormProps<'dimensions'>) {
  const t = useT(messages);
  const [name, setName] = useState(item?.name ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [color, setColor] = useState(item?.color || DEFAULT_COLORS[concept.dimensions.length % DEFAULT_COLORS.length]);
  const [position, setPosition] = useState(positionText(item?.position));
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!name.trim()) {
      focusFirstField(e);
      return setMissing(true);
    }
    onSubmit({ name: name.trim(), description: description.trim(), color: /^#[0-9a-fA-F]{6}$/.test(color) ? color : undefined, position: positionValue(position) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextInput label={t('name')} value={name} onChange={setName} required maxLength={200} error={missing && !name.trim() ? t('required') : errors.name} />
      <TextInput label={t('description')} value={description} onChange={setDescription} multiline maxLength={5000} error={errors.description} />
      <Field label={t('color')} hint={t('colorHint')} error={errors.color}>
        {(p) => (
          <span className="actions">
            <input {...p} type="color" value={color} onChange={(e) => setColor(e.target.value)} style={{ width: '4rem', padding: '0.15rem' }} />
            <code aria-hidden="true">{color}</code>
          </span>
        )}
      </Field>
      <PositionInput value={position} onChange={setPosition} error={errors.position} />
      <FormButtons busy={busy} isNew={!item} onCancel={onCancel} />
    </form>
  );
}

export function ActionFieldForm({ item, busy, errors, onSubmit, onCancel }: FormProps<'action-fields'>) {
  const t = useT(messages);
  const [name, setName] = useState(item?.name ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [position, setPosition] = useState(positionText(item?.position));
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!name.trim()) {
      focusFirstField(e);
      return setMissing(true);
    }
    onSubmit({ name: name.trim(), description: description.trim(), position: positionValue(position) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextInput label={t('name')} value={name} onChange={setName} required maxLength={200} error={missing && !name.trim() ? t('required') : errors.name} />
      <TextInput label={t('description')} value={description} onChange={setDescription} multiline maxLength={5000} error={errors.description} />
      <PositionInput value={position} onChange={setPosition} error={errors.position} />
      <FormButtons busy={busy} isNew={!item} onCancel={onCancel} />
    </form>
  );
}

export function GoalForm({ item, concept, busy, errors, onSubmit, onCancel }: FormProps<'goals'>) {
  const t = useT(messages);
  const [title, setTitle] = useState(item?.title ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [position, setPosition] = useState(positionText(item?.position));
  const [actionFieldIds, setActionFieldIds] = useState<string[]>(item?.actionFieldIds ?? []);
  const [dimensionIds, setDimensionIds] = useState<string[]>(item?.dimensionIds ?? []);
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!title.trim()) {
      focusFirstField(e);
      return setMissing(true);
    }
    onSubmit({ title: title.trim(), description: description.trim(), position: positionValue(position), actionFieldIds, dimensionIds });
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextInput label={t('titleField')} value={title} onChange={setTitle} required maxLength={300} error={missing && !title.trim() ? t('required') : errors.title} />
      <TextInput label={t('description')} value={description} onChange={setDescription} multiline maxLength={5000} error={errors.description} />
      <CheckGroup legend={t('linkedActionFields')} options={concept.actionFields} selected={actionFieldIds} onChange={setActionFieldIds} />
      <CheckGroup legend={t('linkedDimensions')} options={concept.dimensions} selected={dimensionIds} onChange={setDimensionIds} />
      <PositionInput value={position} onChange={setPosition} error={errors.position} />
      <FormButtons busy={busy} isNew={!item} onCancel={onCancel} />
    </form>
  );
}

export function DepartmentForm({ item, busy, errors, onSubmit, onCancel }: FormProps<'departments'>) {
  const t = useT(messages);
  const [name, setName] = useState(item?.name ?? '');
  const [shortName, setShortName] = useState(item?.shortName ?? '');
  const [head, setHead] = useState(item?.head ?? '');
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!name.trim()) {
      focusFirstField(e);
      return setMissing(true);
    }
    onSubmit({ name: name.trim(), shortName: shortName.trim(), head: head.trim() });
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextInput label={t('name')} value={name} onChange={setName} required maxLength={200} error={missing && !name.trim() ? t('required') : errors.name} />
      <TextInput label={t('shortName')} value={shortName} onChange={setShortName} maxLength={30} error={errors.shortName} />
      <TextInput label={t('head')} value={head} onChange={setHead} maxLength={200} error={errors.head} />
      <FormButtons busy={busy} isNew={!item} onCancel={onCancel} />
    </form>
  );
}
