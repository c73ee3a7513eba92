import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { EmptyState, ErrorMessage, Spinner } from '../../components/ui';
import { useFormat, useLocale, useT } from '../../i18n/i18n';
import { usePageTitle } from '../../app/title';
import type { PrivacyNotice } from '../../../contract/privacy';
import { privacyMessages } from './messages';
import { NoticeText } from './NoticeText';
import '../../app/layout.css';
import './privacy.css';

/**
 * /privacy/:municipalityId and /privacy/workshop/:code — the municipality's privacy page, public: people
 * signed out and workshop guests (who know only a code) read it. The text is the admin's, rendered without HTML.
 */
export default function PrivacyNoticePage() {
  const t = useT(privacyMessages);
  const f = useFormat();
  const { locale, setLocale } = useLocale();
  const { municipalityId, code } = useParams();
  const path = code ? `/join/${encodeURIComponent(code)}/privacy` : `/privacy/notice/${municipalityId ?? ''}`;
  const notice = useQuery({ queryKey: ['privacy-notice', path], queryFn: () => api.get<PrivacyNotice>(path), retry: false });
  usePageTitle(notice.data ? t('titleOf', { name: notice.data.municipalityName }) : t('title'));
  const n = notice.data;
  return (
    <main id="main" className="auth-page privacy-page" tabIndex={-1}>
      <div className="privacy-top">
        <p className="auth-brand">Roter Faden</p>
        <span role="group" aria-label="Sprache / Language" className="privacy-lang">
          {(['de', 'en'] as const).map((l) => (
            <button key={l} type="button" lang={l} aria-pressed={locale === l} className="btn small" onClick={() => setLocale(l)}>
              {l.toUpperCase()}
            </button>
          ))}
        </span>
      </div>
      <h1>{n ? t('titleOf', { name: n.municipalityName }) : t('title')}</h1>
      {notice.isPending && <Spinner label={t('loading')} />}
      <ErrorMessage error={notice.error} />
      {n && (
        <>
          {n.notice.trim() ? <NoticeText text={n.notice} /> : <EmptyState>{t('emptyPublic')}</EmptyState>}
          <p>{n.guestRetentionDays > 0 ? t('retention', { n: n.guestRetentionDays }) : t('retentionOff')}</p>
          {n.noticeUpdatedAt && <p className="muted">{t('updated', { date: f.date(n.noticeUpdatedAt) })}</p>}
        </>
      )}
      <p>
        <button type="button" className="btn" onClick={() => history.back()}>{t('back')}</button>
      </p>
    </main>
  );
}
