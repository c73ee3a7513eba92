import { createHmac } from 'node:crypto';

/**
 * The pseudonym that replaces an erased person's name: "Gelöschte Person 7F3A". It is derived from the
 * person's id with a key (SESSION_SECRET), so it is the same every time the same person is erased (history
 * stays consistent: one pseudonym per person) but the id cannot be read back from it. Four hex digits tell
 * people apart in one municipality's records; a clash only makes two erased people look alike.
 */
export function pseudonymFor(secret: string, id: string): string {
  const tag = createHmac('sha256', secret).update(`erasure:${id}`).digest('hex').slice(0, 4).toUpperCase();
  return `Gelöschte Person ${tag}`;
}

/** The erased account's placeholder address: unique (the address index), never deliverable (.invalid, RFC 2606). */
export function erasedEmail(secret: string, id: string): string {
  return `geloescht-${createHmac('sha256', secret).update(`erasure-mail:${id}`).digest('hex').slice(0, 16)}@erased.invalid`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces each needle (a name, an e-mail address) where it stands as a whole word — "Anna Berg" in
 * "Anna Berg (Planung)", but not "Bau" inside "Baumaßnahme" — case-insensitively. Needles shorter than two
 * characters are ignored: they would match everywhere.
 */
export function replaceNames(text: string, needles: string[], replacement: string): string {
  const usable = [...new Set(needles.map((n) => n.trim()).filter((n) => n.length >= 2))].sort((a, b) => b.length - a.length);
  if (!usable.length) return text;
  const re = new RegExp(`(?<![\\p{L}\\p{N}@._-])(?:${usable.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return text.replace(re, replacement);
}

/** The same inside any JSON value: every string (not the keys) is searched; the shape stays as it was. */
export function replaceNamesDeep<T>(value: T, needles: string[], replacement: string): T {
  if (typeof value === 'string') return replaceNames(value, needles, replacement) as T;
  if (Array.isArray(value)) return value.map((v) => replaceNamesDeep(v, needles, replacement)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceNamesDeep(v, needles, replacement)])) as T;
  }
  return value;
}
