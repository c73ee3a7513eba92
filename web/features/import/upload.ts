import { ApiError, uiLanguage } from '../../api/client';

export interface UploadProgress {
  /** 'upload' while bytes go out (with fraction 0…1), 'processing' while the server works */
  phase: 'upload' | 'processing';
  fraction: number;
}

/**
 * POST multipart form data with upload progress (fetch cannot report it; XMLHttpRequest can).
 * Errors become ApiError with the server's code, like the rest of the API client.
 */
export function uploadForm<T>(path: string, form: FormData, onProgress: (p: UploadProgress) => void, signal?: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.setRequestHeader('accept-language', uiLanguage());
    xhr.withCredentials = true;
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress({ phase: 'upload', fraction: e.total ? e.loaded / e.total : 1 });
    };
    xhr.upload.onload = () => onProgress({ phase: 'processing', fraction: 1 });
    xhr.onload = () => {
      let data: { error?: { code?: string; message?: string; details?: unknown } } | null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else {
        const e = data?.error;
        reject(new ApiError(xhr.status, e?.code ?? 'http_error', e?.message ?? (xhr.statusText || `HTTP ${xhr.status}`), e?.details));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', ''));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', ''));
    signal?.addEventListener('abort', () => xhr.abort());
    onProgress({ phase: 'upload', fraction: 0 });
    xhr.send(form);
  });
}

export interface ImportFormFields {
  mapping?: Record<string, string | null>;
  /** decisions for new names and words (kind → value → decision) */
  resolutions?: unknown;
  encoding?: string;
  separator?: string;
}

export function importForm(file: File, fields: ImportFormFields = {}) {
  const form = new FormData();
  // The fields go first so that a streaming server reads them before the file.
  if (fields.mapping) form.append('mapping', JSON.stringify(fields.mapping));
  if (fields.resolutions) form.append('resolutions', JSON.stringify(fields.resolutions));
  if (fields.encoding) form.append('encoding', fields.encoding);
  if (fields.separator) form.append('separator', fields.separator);
  form.append('file', file, file.name);
  return form;
}
