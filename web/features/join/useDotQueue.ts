import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MyRound } from '../../../contract/workshops';
import { isTransient, newDotId, pause, send, type JoinHome } from './api';

type Op = { kind: 'place'; itemId: string; dotId: string } | { kind: 'remove'; itemId: string };

const backoff = (attempt: number) => Math.min(8000, 500 * 2 ** attempt);

/**
 * The participant's taps on one round, sent one after the other (so "place, then take back" stays in
 * that order) and shown at once (optimistic), then reconciled with the MyRound the server returns.
 *
 * Exactly-once over bad Wi-Fi:
 * - placing: every tap gets its own dotId; a request without an answer is sent again with the SAME
 *   dotId until the server answers, and the server counts a dotId only once;
 * - taking back has no id, so after a lost answer we first ask GET /me whether it landed, and send it
 *   again only if it did not.
 */
export function useDotQueue({
  code, mine, onServer, onBusy, onRefused,
}: {
  code: string;
  mine: MyRound;
  onServer: (r: MyRound) => void;
  onBusy: (roundId: string, busy: boolean) => void;
  onRefused: (error: unknown, op: Op) => void;
}) {
  const roundId = mine.round.id;
  const queue = useRef<Op[]>([]);
  const running = useRef(false);
  const alive = useRef(true);
  const [pending, setPending] = useState<Op[]>([]);
  const [retrying, setRetrying] = useState(false);
  // The server's state the taps are counted on: from responses, or from the page's data while idle.
  const [base, setBase] = useState(mine);
  const baseRef = useRef(mine);
  const cb = useRef({ onServer, onBusy, onRefused });
  useEffect(() => {
    cb.current = { onServer, onBusy, onRefused };
  });
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  useEffect(() => {
    if (!running.current) {
      baseRef.current = mine;
      setBase(mine);
    }
  }, [mine]);

  const place = useCallback(
    async (itemId: string, dotId: string): Promise<MyRound> => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await send<MyRound>('POST', `/rounds/${roundId}/dots`, { itemId, dotId });
        } catch (e) {
          if (!isTransient(e) || !alive.current) throw e;
          setRetrying(true);
          await pause(backoff(attempt));
        }
      }
    },
    [roundId],
  );

  const remove = useCallback(
    async (itemId: string): Promise<MyRound> => {
      const before = baseRef.current.myDots[itemId] ?? 0;
      for (let attempt = 0; ; attempt++) {
        try {
          return await send<MyRound>('DELETE', `/rounds/${roundId}/dots`, { itemId });
        } catch (e) {
          if (!isTransient(e) || !alive.current) throw e;
          setRetrying(true);
        }
        // No answer: did it land? Ask until the server answers, then decide.
        for (let check = attempt; alive.current; check++) {
          await pause(backoff(check));
          try {
            const home = await send<JoinHome>('GET', `/join/${encodeURIComponent(code)}/me`);
            const now = home.rounds.find((r) => r.round.id === roundId);
            if (!now || (now.myDots[itemId] ?? 0) < before) return now ?? baseRef.current;
            break;
          } catch (e) {
            if (!isTransient(e)) throw e;
          }
        }
      }
    },
    [roundId, code],
  );

  const pump = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    cb.current.onBusy(roundId, true);
    while (queue.current.length > 0 && alive.current) {
      const op = queue.current[0];
      try {
        const res = op.kind === 'place' ? await place(op.itemId, op.dotId) : await remove(op.itemId);
        baseRef.current = res;
        setBase(res);
        cb.current.onServer(res);
      } catch (e) {
        cb.current.onRefused(e, op);
      }
      queue.current.shift();
      setPending([...queue.current]);
    }
    setRetrying(false);
    running.current = false;
    cb.current.onBusy(roundId, false);
  }, [roundId, place, remove]);

  const enqueue = useCallback(
    (kind: Op['kind'], itemId: string) => {
      queue.current.push(kind === 'place' ? { kind, itemId, dotId: newDotId() } : { kind, itemId });
      setPending([...queue.current]);
      void pump();
    },
    [pump],
  );

  /** My dots per item and the dots left, as they will be once the pending taps are through. */
  const shown = useMemo(() => {
    const dots: Record<string, number> = { ...base.myDots };
    let remaining = base.remaining;
    const sending: Record<string, number> = {};
    for (const op of pending) {
      if (op.kind === 'place') {
        dots[op.itemId] = (dots[op.itemId] ?? 0) + 1;
        sending[op.itemId] = (sending[op.itemId] ?? 0) + 1;
        remaining--;
      } else if ((dots[op.itemId] ?? 0) > 0) {
        dots[op.itemId] -= 1;
        remaining++;
      }
    }
    return { dots, remaining, sending };
  }, [base, pending]);

  return { ...shown, busy: pending.length > 0, retrying, enqueue };
}
