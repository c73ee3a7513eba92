/**
 * The one inline stylesheet the web app writes at run time: wide pages (KoFi table, roadmap) print in landscape.
 * The server's Content-Security-Policy allows exactly this text by its hash (server/security-headers.ts), so it
 * lives here, shared by both sides: a changed text changes the hash with it.
 */
export const LANDSCAPE_PRINT_CSS = '@page { size: A4 landscape; margin: 10mm; }';
