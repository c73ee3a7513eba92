/** Errors with a stable code and HTTP status; one handler in app.ts turns them into JSON. */
export class AppError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public details?: unknown,
  ) {
    super(message);
  }
}

export const unauthenticated = () => new AppError(401, 'unauthenticated', 'Bitte melden Sie sich an.');
export const forbidden = (message = 'Dafür fehlt Ihnen die Berechtigung.') => new AppError(403, 'forbidden', message);
export const notFound = (what = 'Eintrag') => new AppError(404, 'not_found', `${what} nicht gefunden.`);
export const conflict = (message: string, details?: unknown) => new AppError(409, 'conflict', message, details);
export const versionConflict = (current: unknown) =>
  new AppError(
    409,
    'version_conflict',
    'Dieser Eintrag wurde inzwischen von jemand anderem geändert. Bitte prüfen Sie die aktuelle Fassung.',
    { current },
  );
export const invalid = (message: string, details?: unknown) => new AppError(400, 'validation_failed', message, details);
