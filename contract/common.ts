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

/** Optimistic concurrency: every write of an existing record names the version it was based on. */
export const VersionBody = z.object({ version: z.number().int().min(1) });

export const Role = z.enum(['admin', 'coordinator', 'department', 'reader']);
export type Role = z.infer<typeof Role>;

export const Locale = z.enum(['de', 'en']);
export type Locale = z.infer<typeof Locale>;

/** Calendar date without time, as `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();

export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const trimmed = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1).max(max);
