import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITIES, ERROR_MESSAGES, errorMessage, localizeDetails } from './errors';
import { acceptedLanguages, requestLanguage } from './language';

const SERVER = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

/** Every `new AppError(status, 'code'` in server/ and the codes the error handler writes itself. */
function thrownCodes(): Map<string, string[]> {
  const codes = new Map<string, string[]>();
  for (const file of sourceFiles(SERVER)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/new AppError\(\s*[^,]+,\s*'([a-z0-9_]+)'/g)) {
      codes.set(m[1], [...(codes.get(m[1]) ?? []), relative(SERVER, file)]);
    }
    for (const m of text.matchAll(/send\(\s*\d+,\s*'([a-z0-9_]+)'/g)) codes.set(m[1], [...(codes.get(m[1]) ?? []), relative(SERVER, file)]);
  }
  return codes;
}

/** Message keys written as literals (`'code.situation'` or `key: '…'`) anywhere in server/. */
function literalKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of sourceFiles(SERVER)) {
    if (file.endsWith(join('i18n', 'errors.ts'))) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/'((?:[a-z0-9_]+)\.[a-z0-9_]+)'/g)) {
      const [code] = m[1].split('.');
      if (Object.keys(ERROR_MESSAGES).some((k) => k.startsWith(`${code}.`))) keys.add(m[1]);
    }
  }
  return keys;
}

const onlyPlaceholder = (s: string) => /^\{\w+\}$/.test(s);

describe('the error message catalogue', () => {
  it('has a German and an English message for every code thrown in server/ and for every factory', () => {
    const codes = thrownCodes();
    expect(codes.size).toBeGreaterThan(40); // the scan finds the throws
    for (const code of ['unauthenticated', 'forbidden', 'not_found', 'conflict', 'version_conflict', 'validation_failed']) codes.set(code, ['server/errors.ts']);
    const missing = [...codes.keys()].filter((code) => !(code in ERROR_MESSAGES)).map((code) => `${code} (${codes.get(code)!.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('knows every message key written in server/', () => {
    const unknown = [...literalKeys()].filter((k) => !(k in ERROR_MESSAGES));
    expect(unknown).toEqual([]);
  });

  it('says every message in both languages, and the English differs from the German', () => {
    for (const [key, { de, en }] of Object.entries(ERROR_MESSAGES)) {
      expect(de.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
      expect(de + en, key).not.toMatch(/\$\{/); // a template literal's slot, copied by mistake
      // only a message that is nothing but a value given in both languages may read the same
      if (!onlyPlaceholder(de)) expect(en, key).not.toBe(de);
    }
    for (const [entity, { de, en }] of Object.entries(ENTITIES)) {
      expect(de.trim(), entity).not.toBe('');
      expect(en.trim(), entity).not.toBe('');
    }
  });

  it('fills values: numbers for the language, plurals by the number, localized values by the language', () => {
    expect(errorMessage('file_too_large', 'de', { mb: 1.5 })).toMatch(/^Die Datei ist größer als 1,5 MB/);
    expect(errorMessage('file_too_large', 'en', { mb: 1.5 })).toMatch(/^The file is larger than 1.5 MB/);
    expect(errorMessage('in_use', 'en', { n: 1 })).toBe('The programme is used in one funding plan. Remove it there first.');
    expect(errorMessage('in_use', 'en', { n: 1200 })).toBe('The programme is used in 1,200 funding plans. Remove it there first.');
    expect(errorMessage('no_dots_left', 'de', { n: 1 })).toMatch(/^Sie haben Ihren Punkt schon geklebt/);
    expect(errorMessage('no_dots_left', 'de', { n: 5 })).toMatch(/^Sie haben alle 5 Punkte schon geklebt/);
    expect(errorMessage('not_found', 'en', { what: ENTITIES.programme })).toBe('Funding programme not found.');
    expect(errorMessage('no_such_key', 'en')).toBe('no_such_key');
  });

  it('writes the messages of keyed problems in details in the language, leaves others alone', () => {
    const details = [{ path: ['status'], message: 'deutsch', key: 'priority_class_not_allowed', params: { priority: 'A' } }, { path: ['x'], message: 'bleibt' }];
    expect(localizeDetails(details, 'en')).toEqual([
      { path: ['status'], key: 'priority_class_not_allowed', message: expect.stringMatching(/^A decision gave the measure priority class A/) },
      { path: ['x'], message: 'bleibt' },
    ]);
    expect(localizeDetails({ current: 1 }, 'en')).toEqual({ current: 1 });
  });
});

describe('the language of a request', () => {
  const req = (url: string, acceptLanguage?: string) => ({ url, headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} });
  it('orders Accept-Language by q-value, drops q=0, keeps header order for equal q', () => {
    expect(acceptedLanguages('en-GB;q=0.8, de')).toEqual(['de', 'en']);
    expect(acceptedLanguages('fr;q=0, en, de')).toEqual(['en', 'de']);
    expect(acceptedLanguages('de-CH;q=0.5, en-US;q=0.5')).toEqual(['de', 'en']);
    expect(acceptedLanguages('')).toEqual([]);
  });
  it('is ?lang= when given, else the preferred of de/en, else German', () => {
    expect(requestLanguage(req('/api/v1/x'))).toBe('de');
    expect(requestLanguage(req('/api/v1/x', 'en-US,en;q=0.9'))).toBe('en');
    expect(requestLanguage(req('/api/v1/x', 'fr, en;q=0.3, de;q=0.7'))).toBe('de');
    expect(requestLanguage(req('/api/v1/x', '*, en;q=0.5'))).toBe('de');
    expect(requestLanguage(req('/api/v1/x?lang=en', 'de'))).toBe('en');
    expect(requestLanguage(req('/api/v1/x?lang=fr', 'en'))).toBe('en');
  });
});
