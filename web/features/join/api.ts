import { ApiError, uiLanguage } from '../../api/client';
import type { JoinInfo, MyRound, Participant, RoundResults } from '../../../contract/workshops';

export interface JoinHome {
  participant: Participant;
  workshop: JoinInfo;
  rounds: MyRound[];
}

export const joinKeys = {
  info: (code: string) => ['join', code, 'info'] as const,
  me: (code: string, lang: string) => ['join', code, 'me', lang] as const,
  meAll: (code: string) => ['join', code, 'me'] as const,
};

/**
 * JSON request for the participant pages (DELETE with a body, which api.del cannot send).
 * A request that never got an answer becomes ApiError(0, 'network').
 */
export async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: { 'accept-language': uiLanguage(), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError(0, 'network', 'Keine Verbindung.');
  }
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = data?.error;
    throw new ApiError(res.status, e?.code ?? 'http_error', e?.message ?? res.statusText, e?.details);
  }
  return data as T;
}

/** Worth sending again: no answer at all, the server or a proxy in trouble, or rate limited. */
export const isTransient = (e: unknown) =>
  !(e instanceof ApiError) || e.status === 0 || e.status >= 500 || e.status === 429 || e.status === 408;

/** React Query retry: network trouble only, a few times (4xx answers are final). */
export const retryTransient = (count: number, e: unknown) => isTransient(e) && count < 4;

/**
 * A new id for one tap. crypto.randomUUID exists only in secure contexts (https, localhost); on a
 * plain-http intranet address the id is built from crypto.getRandomValues (also UUID v4).
 */
export function newDotId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Waits `ms`, or less when the browser reports that the network is back. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(id);
      window.removeEventListener('online', done);
      resolve();
    };
    const id = setTimeout(done, ms);
    window.addEventListener('online', done);
  });
}

/** Replaces one round in the participant's home, keeping the rules text in the page's language. */
export function withRound(home: JoinHome | undefined, next: MyRound): JoinHome | undefined {
  if (!home) return home;
  return {
    ...home,
    rounds: home.rounds.map((r) => (r.round.id === next.round.id ? { ...next, rulesText: r.rulesText, results: newer(r.results, next.results) } : r)),
  };
}

/** Puts a results snapshot into its round, unless an older one (lower seq). */
export function withResults(home: JoinHome | undefined, res: RoundResults): JoinHome | undefined {
  if (!home) return home;
  return { ...home, rounds: home.rounds.map((r) => (r.round.id === res.roundId ? { ...r, results: newer(r.results, res) } : r)) };
}

function newer(a: RoundResults | null, b: RoundResults | null): RoundResults | null {
  if (!a) return b;
  if (!b) return a;
  return a.seq > b.seq ? a : b;
}
