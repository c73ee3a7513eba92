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
 * The sentences the contract's own checks (zod refine) write — German, the contract's language — for an
 * English request. server/i18n/details-language.test.ts fails when a contract sentence is missing here.
 */
export const CONTRACT_MESSAGES_EN: Record<string, string> = {
  'Das geplante Ende liegt vor dem Beginn': 'The planned end is before the start',
  Pflichtfeld: 'Required',
  'Jahr vor 1000': 'Year before 1000',
  'https:// (http:// nur für 127.0.0.1/localhost)': 'https:// (http:// only for 127.0.0.1/localhost)',
  'Passwort oder Code angeben': 'Enter the password or a code',
  'Das Ende liegt vor dem Beginn': 'The end is before the start',
  'Bitte wählen Sie ein Konto oder geben Sie einen Namen ein.': 'Please choose an account or enter a name.',
  'Bitte begründen Sie, warum die Entscheidung geändert wird.': 'Please give the reason for changing the decision.',
  '„bis“ liegt vor „von“.': '“to” is before “from”.',
  'Das Ende des Zeithorizonts liegt vor dem Anfang': 'The end of the time horizon is before its start',
  'Ungültiges GeoJSON: Steuerzeichen, ungültige Zahlen oder zu tief verschachtelt.': 'Invalid GeoJSON: control characters, invalid numbers or nested too deeply.',
};

/**
 * The `details` of a 400 `validation_failed`: each issue's path and message in the request's language.
 * Zod's own messages (English: zod's default) are written again with zod's locale for the language;
 * a message the contract wrote itself (a refine's German sentence) differs from zod's default and is
 * kept, or for English taken from CONTRACT_MESSAGES_EN.
 */
export function validationDetails(issues: SchemaIssue[], lang: Lang) {
  return issues.map((v) => {
    const path = (v.params as { issue?: { path?: unknown[] } } | undefined)?.issue?.path ?? v.instancePath.split('/').filter(Boolean);
    const raw = { ...v.params, code: v.keyword, path };
    const isZodDefault = v.message !== undefined && v.message === render('en', raw);
    const own = lang === 'en' && v.message !== undefined ? CONTRACT_MESSAGES_EN[v.message] : undefined;
    return { path, message: (isZodDefault ? render(lang, raw) : own) ?? v.message };
  });
}
