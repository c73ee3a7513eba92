import { ENTITIES, errorMessage, type Entity, type MessageKey, type MessageParams } from './i18n/errors';

/** Which catalogue entry (server/i18n/errors.ts) says what went wrong, with the values it names. */
export type MessageRef = MessageKey | { key: MessageKey; params?: MessageParams };

/**
 * Errors with a stable code and HTTP status; one handler in app.ts turns them into JSON. The message is
 * not written here but taken from the catalogue in the request's language: `key` (the code itself unless
 * one code has several sentences) and `params` (the values the sentence names). `message` holds the
 * German text for logs and for code that reads it outside a request.
 */
export class AppError extends Error {
  readonly key: MessageKey;
  readonly params: MessageParams;
  constructor(
    public status: number,
    public code: string,
    message?: MessageRef,
    public details?: unknown,
  ) {
    // Without a key (or with one lost on the way, e.g. from a worker thread) the code is the key.
    const ref = typeof message === 'object' && message.key ? message : { key: (typeof message === 'string' ? message : code) as MessageKey, params: {} };
    super(errorMessage(ref.key, 'de', ref.params));
    this.key = ref.key;
    this.params = ref.params ?? {};
  }
}

export const unauthenticated = () => new AppError(401, 'unauthenticated');
export const forbidden = (message: MessageRef = 'forbidden') => new AppError(403, 'forbidden', message);
export const notFound = (what: Entity = 'entry') => new AppError(404, 'not_found', { key: 'not_found', params: { what: ENTITIES[what] } });
export const conflict = (message: MessageRef, details?: unknown) => new AppError(409, 'conflict', message, details);
export const versionConflict = (current: unknown) => new AppError(409, 'version_conflict', 'version_conflict', { current });
export const invalid = (message: MessageRef, details?: unknown) => new AppError(400, 'validation_failed', message, details);
export type { MessageKey, MessageParams } from './i18n/errors';
