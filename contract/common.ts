import { z } from 'zod';

/** Every API error has this shape; `code` is stable, `message` is for people. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Id = z.uuid();
export const IdParams = z.object({ id: Id });

/**
 * Input rules (docs/architecture.md, "Input rules"): no input reaches the database unchecked. Text may not
 * hold C0 control characters other than tab, line feed and carriage return (NUL breaks PostgreSQL text and
 * jsonb; the others are never typed by a person), nor DEL, nor a lone UTF-16 surrogate (no valid UTF-8). Such
 * text is refused with 400 rather than stripped, so that nothing a person sent is silently changed.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const isCleanText = (s: string) => !CONTROL.test(s) && !LONE_SURROGATE.test(s);
/** For text that is not the person's own words and may be mended (names of uploaded files): each unclean character becomes `by`. */
export const replaceUnclean = (s: string, by: string) =>
  s.replace(new RegExp(`${CONTROL.source}|${LONE_SURROGATE.source}`, 'g'), by);
export const CLEAN_TEXT_MESSAGE = 'Enthält Steuerzeichen oder ungültige Unicode-Zeichen.';

/** Any text of a request: bounded and clean, as written (not trimmed: codes, keys, passwords). */
export const text = (max: number) => z.string().max(max).refine(isCleanText, CLEAN_TEXT_MESSAGE);

/** The largest value of a PostgreSQL `int` column: versions and counters are stored as such. */
export const INT_MAX = 2_147_483_647;
/** Sort positions of concept items, groups and the like. */
export const Position = z.number().int().min(0).max(100_000);
/** Optimistic concurrency: the version a write was based on. */
export const Version = z.number().int().min(1).max(INT_MAX);
/** Optimistic concurrency: every write of an existing record names the version it was based on. */
export const VersionBody = z.object({ version: Version });
/** `?version=3` of a DELETE. */
export const VersionQuery = z.object({ version: z.coerce.number().int().min(1).max(INT_MAX) });

export const Role = z.enum(['admin', 'coordinator', 'department', 'reader']);
export type Role = z.infer<typeof Role>;

export const Locale = z.enum(['de', 'en']);
export type Locale = z.infer<typeof Locale>;

/** Calendar date without time, as `YYYY-MM-DD`, years 1000–9999 (PostgreSQL has no year 0). */
export const IsoDate = z.iso.date().refine((d) => d >= '1000', 'Jahr vor 1000');

export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** Text a person typed: trimmed, bounded, clean (tabs and line breaks allowed). */
export const trimmed = (max: number) => z.string().trim().max(max).refine(isCleanText, CLEAN_TEXT_MESSAGE);
export const requiredText = (max: number) => z.string().trim().min(1).max(max).refine(isCleanText, CLEAN_TEXT_MESSAGE);
/** An optional web address: empty, or an http(s) URL. */
export const optionalUrl = (max = 500) => z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(max).refine(isCleanText, CLEAN_TEXT_MESSAGE)]);

/**
 * Free JSON kept as it is (GeoJSON boundaries): every string in it clean, every number finite, nested at most
 * `maxDepth` deep. Checked without recursion, so a deeply nested body cannot overflow the stack.
 */
export function isCleanJson(value: unknown, maxDepth = 20): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isCleanText(v)) return false;
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false;
    } else if (v && typeof v === 'object') {
      if (depth >= maxDepth) return false;
      for (const [k, child] of Object.entries(v)) {
        if (!isCleanText(k)) return false;
        stack.push([child, depth + 1]);
      }
    }
  }
  return true;
}
