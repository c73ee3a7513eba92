import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { Spinner } from '../../components/ui';
import { usePageTitle } from '../../app/title';
import { useLocale, useT } from '../../i18n/i18n';
import type { JoinInfoForDevice } from '../../../contract/workshops';
import { joinKeys, retryTransient, send, type JoinHome } from './api';
import { bootFor } from './boot';
import { JoinForm } from './JoinForm';
import { JoinShell } from './JoinShell';
import { joinMessages } from './messages';
import { JoinLink, joinCodeOf, usePath } from './nav';
import { ParticipantHome } from './ParticipantHome';

/**
 * /join/:code — the workshop for a participant: join with a name and group, or (when this device
 * already joined, as GET /join/:code says) straight to their home with briefs and voting. A new guest's
 * page never asks for /me: the 401 would be the expected answer, but browsers log it as an error.
 */
export default function JoinPage() {
  const code = joinCodeOf(usePath());
  const t = useT(joinMessages);
  const { locale } = useLocale();
  const qc = useQueryClient();
  // The page said already that the code is unknown (server/modules/workshops/join-page.ts): no request.
  const bootUnknown = bootFor(code)?.info === null;
  const info = useQuery({
    queryKey: joinKeys.info(code),
    queryFn: () => send<JoinInfoForDevice>('GET', `/join/${encodeURIComponent(code)}`),
    retry: retryTransient,
    staleTime: 60_000,
    enabled: !bootUnknown,
  });
  const me = useQuery({
    queryKey: joinKeys.me(code, locale),
    queryFn: () => send<JoinHome>('GET', `/join/${encodeURIComponent(code)}/me?lang=${locale}`),
    retry: retryTransient,
    enabled: info.data?.joined === true,
    placeholderData: (prev) => prev,
  });
  usePageTitle(info.data?.title ?? t('codeTitle'));

  const unknown = bootUnknown || (info.error instanceof ApiError && info.error.status === 404);
  // Not joined yet, or no longer (the participant was removed: /me refuses with a 4xx).
  const notJoined = info.data?.joined === false || (me.error instanceof ApiError && me.error.status >= 400 && me.error.status < 500);
  let body;
  if (unknown) {
    body = (
      <>
        <h1>{t('codeTitle')}</h1>
        <div className="alert error" role="alert">{t('unknownCode')}</div>
        <JoinLink className="btn primary join-big" to="/join">{t('otherCode')}</JoinLink>
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
    // The home first (POST /join answers with it; refetch runs a disabled query too), then "joined", which
    // keeps /me current from now on.
    const joined = async (home: JoinHome | undefined) => {
      if (home) qc.setQueryData(joinKeys.me(code, locale), home);
      else await me.refetch();
      qc.setQueryData<JoinInfoForDevice>(joinKeys.info(code), (i) => i && { ...i, joined: true });
    };
    body = <JoinForm code={code} info={info.data} onJoined={joined} />;
  } else {
    body = <Spinner label={t('loading')} />;
  }
  return <JoinShell subtitle={info.data?.municipalityName}>{body}</JoinShell>;
}
