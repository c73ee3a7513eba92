import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { Alert, ErrorMessage, Field, PageHeader, Spinner } from '../../components/ui';
import { StatusMessage } from '../../app/forms';
import { useCan, useMe } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { useT } from '../../i18n/i18n';
import type { PrivacySettings } from '../../../contract/privacy';
import { privacyMessages } from './messages';
import { NoticeText } from './NoticeText';
import './privacy.css';

/** /admin/privacy — the municipality's privacy page, the guests' retention period, and where export and erasure live. */
export default function PrivacySettingsPage() {
  const t = useT(privacyMessages);
  usePageTitle(t('settingsTitle'));
  const { isAdmin } = useCan();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('settingsTitle')}>
        <p className="muted" style={{ margin: '0.25rem 0 0' }}>{t('settingsIntro')}</p>
      </PageHeader>
      {me.data && !isAdmin ? <Alert kind="warn">{t('adminOnly')}</Alert> : me.data ? <SettingsForm municipalityId={me.data.current.municipalityId} /> : null}
    </>
  );
}

function SettingsForm({ municipalityId }: { municipalityId: string }) {
  const t = useT(privacyMessages);
  const qc = useQueryClient();
  const settings = useQuery({ queryKey: ['privacy-settings'], queryFn: () => api.get<PrivacySettings>('/privacy/settings') });
  const [notice, setNotice] = useState('');
  const [days, setDays] = useState('90');
  const [status, setStatus] = useState('');
  useEffect(() => {
    if (settings.data) {
      setNotice(settings.data.notice);
      setDays(String(settings.data.guestRetentionDays));
    }
  }, [settings.data]);
  const save = useMutation({
    mutationFn: () => api.put<PrivacySettings>('/privacy/settings', { notice, guestRetentionDays: Number(days), version: settings.data?.version ?? 1 }),
    onSuccess: (s) => {
      qc.setQueryData(['privacy-settings'], s);
      setStatus(t('saved'));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setStatus('');
    save.mutate();
  };
  if (settings.isPending) return <Spinner label={t('loading')} />;
  if (settings.error) return <ErrorMessage error={settings.error} />;
  return (
    <form onSubmit={submit}>
      <section className="card" aria-labelledby="notice-heading">
        <h2 id="notice-heading" style={{ marginTop: 0 }}>{t('noticeHeading')}</h2>
        {!notice.trim() && (
          <>
            <Alert kind="info">{t('emptyGuide')}</Alert>
            <p><button type="button" className="btn" onClick={() => setNotice(t('template'))}>{t('insertTemplate')}</button></p>
          </>
        )}
        <Field label={t('noticeLabel')} hint={t('noticeHint')}>
          {(p) => <textarea {...p} className="privacy-notice-input" value={notice} onChange={(e) => setNotice(e.target.value)} maxLength={50_000} />}
        </Field>
        {notice.trim() && (
          <details>
            <summary>{t('preview')}</summary>
            <NoticeText text={notice} headingLevel={3} />
          </details>
        )}
        <p><Link to={`/privacy/${municipalityId}`}>{t('publicLink')}</Link></p>
      </section>
      <section className="card" aria-labelledby="retention-heading">
        <h2 id="retention-heading" style={{ marginTop: 0 }}>{t('retentionHeading')}</h2>
        <Field label={t('retentionLabel')} hint={t('retentionHint')}>
          {(p) => <input {...p} type="number" min={0} max={3650} step={1} required value={days} onChange={(e) => setDays(e.target.value)} style={{ maxWidth: '8rem' }} />}
        </Field>
      </section>
      <ErrorMessage error={save.error} />
      <StatusMessage message={status} />
      <p><button type="submit" className="btn primary" disabled={save.isPending}>{t('save')}</button></p>
      <section className="card" aria-labelledby="rights-heading">
        <h2 id="rights-heading" style={{ marginTop: 0 }}>{t('rightsHeading')}</h2>
        <p>{t('rightsText')}</p>
      </section>
    </form>
  );
}
