import { useEffect, useRef, useState } from 'react';

/** 'connecting' before the first answer, 'open' while events flow, 'reconnecting' after a drop. */
export type StreamState = 'connecting' | 'open' | 'reconnecting';

/**
 * Subscribes to Server-Sent Events at `url` (null = off). The browser's EventSource reconnects by
 * itself after a drop; when it gives up (a non-200 answer closes it for good), we open a new one
 * with a growing delay. The server sends the current snapshot on every connect, so a reconnect
 * catches up by itself. Handlers may change between renders without reconnecting.
 */
export function useEventStream(url: string | null, handlers: Record<string, (data: string) => void>): StreamState {
  const [state, setState] = useState<StreamState>('connecting');
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });

  useEffect(() => {
    if (!url) return;
    let es: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let stopped = false;
    let everOpen = false;

    const connect = () => {
      if (stopped) return;
      es = new EventSource(url, { withCredentials: true });
      es.onopen = () => {
        attempt = 0;
        everOpen = true;
        setState('open');
      };
      es.onerror = () => {
        setState(everOpen ? 'reconnecting' : 'connecting');
        if (es && es.readyState === EventSource.CLOSED) {
          es.close();
          const delay = Math.min(15_000, 1000 * 2 ** attempt++);
          timer = setTimeout(connect, delay);
          if (everOpen || attempt > 1) setState('reconnecting');
        }
      };
      for (const name of Object.keys(ref.current)) {
        es.addEventListener(name, (e) => ref.current[name]?.((e as MessageEvent<string>).data));
      }
    };
    const onOnline = () => {
      // Back online: do not wait for the back-off.
      if (es?.readyState === EventSource.CLOSED) {
        clearTimeout(timer);
        connect();
      }
    };
    setState('connecting');
    connect();
    window.addEventListener('online', onOnline);
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('online', onOnline);
      es?.close();
    };
    // The event names are fixed per call site; handlers are read through the ref.
  }, [url]);

  return state;
}

/** Parses an SSE payload; a malformed one is ignored instead of breaking the page. */
export function parseEvent<T>(data: string): T | null {
  try {
    return JSON.parse(data) as T;
  } catch {
    return null;
  }
}
