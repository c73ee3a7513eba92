import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ConfirmDialog, EmptyState, ErrorMessage, Spinner } from '../../components/ui';
import { StatusMessage } from '../../app/forms';
import { useT } from '../../i18n/i18n';
import type { Round } from '../../../contract/workshops';
import { useRounds, wsKeys } from './api';
import { RoundCard, type RoundAction } from './RoundCard';
import { RoundCreateDialog } from './RoundCreateDialog';
import { roundMessages } from './roundMessages';
import type { TabProps } from './WorkshopPage';

const CONFIRM = {
  open: { title: 'openTitle', text: 'openText', button: 'open' },
  close: { title: 'closeTitle', text: 'closeText', button: 'close' },
  delete: { title: 'deleteTitle', text: 'deleteText', button: 'deleteDraft' },
} as const;

/** Abstimmungsrunden: protocol downloads, new round, the rounds with their actions and results. */
export function RoundsTab({ workshop: w, canFacilitate }: TabProps) {
  const t = useT(roundMessages);
  const qc = useQueryClient();
  const rounds = useRounds(w.id);
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<{ action: RoundAction; round: Round } | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>(null);

  async function run(action: RoundAction, round: Round) {
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      if (action === 'delete') {
        await api.del(`/rounds/${round.id}`);
        qc.setQueryData<Round[]>(wsKeys.rounds(w.id), (list) => list?.filter((x) => x.id !== round.id));
        setNotice(t('deletedRound', { title: round.title }));
      } else {
        const next = await api.post<Round>(`/rounds/${round.id}/${action}`);
        qc.setQueryData<Round[]>(wsKeys.rounds(w.id), (list) => list?.map((x) => (x.id === next.id ? next : x)));
        void qc.invalidateQueries({ queryKey: wsKeys.results(round.id) });
        if (action === 'close') void qc.invalidateQueries({ queryKey: wsKeys.measures(w.id) });
        if (action === 'close' && round.parentRoundId) void qc.invalidateQueries({ queryKey: wsKeys.results(round.parentRoundId) });
        setNotice(t(action === 'open' ? 'opened' : 'closed', { title: round.title }));
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      void qc.invalidateQueries({ queryKey: wsKeys.rounds(w.id) });
      // Opening a round may set the workshop running.
      void qc.invalidateQueries({ queryKey: wsKeys.one(w.id), exact: true });
      void qc.invalidateQueries({ queryKey: wsKeys.list, exact: true });
    }
  }

  const list = rounds.data ?? [];
  const titleOf = (id: string | null) => (id ? (list.find((r) => r.id === id)?.title ?? null) : null);
  const c = pending ? CONFIRM[pending.action] : null;
  return (
    <>
      <p className="muted">{t('roundsIntro')}</p>
      <div className="actions ws-round-tools">
        {canFacilitate && (
          <button type="button" className="btn primary" onClick={() => { setNotice(''); setCreating(true); }}>{t('newRound')}</button>
        )}
        <span className="ws-protocol" role="group" aria-label={t('protocol')}>
          <a className="btn" href={api.url(`/workshops/${w.id}/protocol.pdf`)} download>{t('protocolPdf')}</a>
          <a className="btn" href={api.url(`/workshops/${w.id}/protocol.docx`)} download>{t('protocolDocx')}</a>
        </span>
      </div>
      <StatusMessage message={notice} />
      <ErrorMessage error={error} />
      <ErrorMessage error={rounds.error} />
      {rounds.isPending && <Spinner label={t('loadingRounds')} />}
      {rounds.data && list.length === 0 && <EmptyState>{t('noRounds')}</EmptyState>}
      {list.map((r) => (
        <RoundCard key={r.id} round={r} parentTitle={titleOf(r.parentRoundId)} runoff={list.filter((x) => x.parentRoundId === r.id).pop() ?? null} canFacilitate={canFacilitate} busy={busy}
          onAction={(action, round) => { setNotice(''); setPending({ action, round }); }} onNotice={setNotice} />
      ))}
      {creating && (
        <RoundCreateDialog workshopId={w.id} onClose={() => setCreating(false)}
          onCreated={(r) => { setCreating(false); setNotice(t('roundCreated', { title: r.title })); }} />
      )}
      <ConfirmDialog open={pending != null} title={c && pending ? t(c.title, { title: pending.round.title }) : ''}
        confirmLabel={c ? t(c.button) : ''} cancelLabel={t('cancel')} danger={pending?.action !== 'open'}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          const p = pending;
          setPending(null);
          if (p) void run(p.action, p.round);
        }}>
        <p>{c ? t(c.text) : null}</p>
      </ConfirmDialog>
    </>
  );
}
