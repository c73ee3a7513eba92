import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { Spinner } from '../../components/ui';
import { usePageTitle } from '../../app/title';
import { useLocale, useT } from '../../i18n/i18n';
import type { JoinInfo } from '../../../contract/workshops';
import { joinKeys, retryTransient, send, type JoinHome } from './api';
import { JoinForm } from './JoinForm';
import { JoinShell } from './JoinShell';
import { joinMessages } from './messages';
import { ParticipantHome } from './ParticipantHome';

/**
 * /join/:code — the workshop for a participant: join with a name and group, or (when this device
 * already joined: GET /me answers 200) straight to their home with briefs and voting.
 */
export default function JoinPage() {
  const { code = '' } = useParams();
  const t = useT(joinMessages);
  const { locale } = useLocale();
  const info = useQuery({
    queryKey: joinKeys.info(code),
    queryFn: () => send<JoinInfo>('GET', `/join/${encodeURIComponent(code)}`),
    retry: retryTransient,
    staleTime: 60_000,
  });
  const me = useQuery({
    queryKey: joinKeys.me(code, locale),
    queryFn: () => send<JoinHome>('GET', `/join/${encodeURIComponent(code)}/me?lang=${locale}`),
    retry: retryTransient,
    enabled: info.isSuccess,
    placeholderData: (prev) => prev,
  });
  usePageTitle(info.data?.title ?? t('codeTitle'));

  const unknown = info.error instanceof ApiError && info.error.status === 404;
  const notJoined = me.error instanceof ApiError && me.error.status >= 400 && me.error.status < 500;
  let body;
  if (unknown) {
    body = (
      <>
        <h1>{t('codeTitle')}</h1>
        <div className="alert error" role="alert">{t('unknownCode')}</div>
        <Link className="btn primary join-big" to="/join">{t('otherCode')}</Link>
      </>
    );
  } else if (info.error || (me.error && !notJoined && !me.data)) {
    body = (
      <>
        <h1>{info.data?.title ?? t('codeTitle')}</h1>
        <div className="alert error" role="alert">{t('offline')}</div>
        <button type="button" className="btn primary join-big" onClick={() => (info.error ? info.refetch() : me.refetch())}>{t('retry')}</button>
      </>
    );
  } else if (info.data?.ended && !me.data && (notJoined || me.isFetched)) {
    // Over: nobody joins any more (those who took part still see their home and the results).
    body = (
      <>
        <h1>{info.data.title}</h1>
        <div className="alert info" role="status">{t('ended')}</div>
      </>
    );
  } else if (me.data) {
    body = <ParticipantHome code={code} home={me.data} />;
  } else if (info.data && notJoined) {
    body = <JoinForm code={code} info={info.data} onJoined={() => me.refetch()} />;
  } else {
    body = <Spinner label={t('loading')} />;
  }
  return <JoinShell subtitle={info.data?.municipalityName}>{body}</JoinShell>;
}
