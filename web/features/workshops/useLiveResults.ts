import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { RoundResults } from '../../../contract/workshops';
import { wsKeys } from './api';
import { parseEvent, useEventStream, type StreamState } from './sse';

/**
 * The results of a round: loaded once, then kept current by the round's event stream while `live`.
 * A snapshot with a lower `seq` than the one shown is ignored (events and the first load can cross).
 */
export function useLiveResults(roundId: string, live: boolean, enabled = true) {
  const qc = useQueryClient();
  const key = wsKeys.results(roundId);
  const newer = (old: RoundResults | undefined, r: RoundResults) => (old && old.seq > r.seq ? old : r);
  const q = useQuery({
    queryKey: key,
    queryFn: async () => newer(qc.getQueryData<RoundResults>(key), await api.get<RoundResults>(`/rounds/${roundId}/results`)),
    enabled,
  });
  const stream: StreamState = useEventStream(live && enabled ? `/api/v1/rounds/${roundId}/events` : null, {
    results: (data) => {
      const r = parseEvent<RoundResults>(data);
      if (r && r.roundId === roundId) qc.setQueryData<RoundResults>(key, (old) => newer(old, r));
    },
  });
  return { results: q.data, error: q.error, isPending: q.isPending, stream: live ? stream : ('open' as StreamState) };
}

/** The current time, updated every `ms` while `on` (for countdowns). */
export function useNow(on: boolean, ms = 1000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [on, ms]);
  return now;
}
