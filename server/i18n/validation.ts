import { z } from 'zod';
import type { Lang } from './language';

/** One failed check of a request schema as fastify-type-provider-zod hands it over (the zod issue, split). */
export interface SchemaIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

const locales = { de: z.locales.de(), en: z.locales.en() };

function render(locale: Lang, issue: Record<string, unknown>): string | undefined {
  const out = locales[locale].localeError(issue as never);
  return typeof out === 'string' ? out : out?.message;
}

/**
 * The `details` of a 400 `validation_failed`: each issue's path and message in the request's language.
 * Zod's own messages (English: zod's default) are written again with zod's locale for the language;
 * a message the contract wrote itself (a refine's German sentence) differs from zod's default and is
 * kept as it is.
 */
export function validationDetails(issues: SchemaIssue[], lang: Lang) {
  return issues.map((v) => {
    const path = (v.params as { issue?: { path?: unknown[] } } | undefined)?.issue?.path ?? v.instancePath.split('/').filter(Boolean);
    const raw = { ...v.params, code: v.keyword, path };
    const isZodDefault = v.message !== undefined && v.message === render('en', raw);
    return { path, message: (isZodDefault ? render(lang, raw) : undefined) ?? v.message };
  });
}
