/** Typed fetch wrapper: JSON in and out, errors as ApiError with the server's stable code. */
export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public details?: unknown,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | string[] | null | undefined>;

export function toSearch(query?: Query): string {
  if (!query) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v == null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    p.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The UI's language, not the browser's: a German UI in an English browser gets German errors. */
export const uiLanguage = () => (typeof document !== 'undefined' && document.documentElement.lang === 'en' ? 'en' : 'de');

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const isForm = body instanceof FormData;
  const res = await fetch(`/api/v1${path}${toSearch(query)}`, {
    method,
    credentials: 'same-origin',
    // The server writes its error messages in this language (the UI's, which I18nProvider puts on <html lang>).
    headers: { 'accept-language': uiLanguage(), ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = data?.error;
    throw new ApiError(res.status, e?.code ?? 'http_error', e?.message ?? res.statusText, e?.details);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown, query?: Query) => request<T>('PUT', path, body, query),
  del: <T = void>(path: string, query?: Query) => request<T>('DELETE', path, undefined, query),
  /** URL for downloads (exports, attachments) that the browser fetches itself. */
  url: (path: string, query?: Query) => `/api/v1${path}${toSearch(query)}`,
};
