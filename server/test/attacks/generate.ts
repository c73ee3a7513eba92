import fc from 'fast-check';
import type { Schema } from './openapi';

/**
 * Values an attacker would send, derived from a JSON schema: mostly well-formed (so that requests get past
 * the first check and reach the services), mixed with wrong types, out-of-range numbers, odd and oversized
 * strings, deep nesting, unknown and missing fields.
 */
export const ODD_STRINGS = [
  '', ' ', '\u0000', 'Name\u0000', '\ud800', 'a\udfffb', '\u202eRTL-Override\u202c', 'مرحبا بالعالم', 'שלום', '\u200f\u200e\u2066x\u2069',
  '\u001b[31mrot', '\r\n', '\t', '\ufeffBOM', '\uffff', '\u{10ffff}', '🌳🏛️', 'ä'.repeat(5000), '𝕏'.repeat(300), "' OR 1=1 --", '<script>alert(1)</script>',
  '../../etc/passwd', '%00', '%', '\\', 'null', 'NaN', '-1', '1e400', '2147483648', '0000-01-01', '2027-02-30', '99999-01-01', 'not-a-uuid',
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
];
export const ODD_NUMBERS = [0, -1, 1, 0.5, -0.0, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), 2 ** 63, 1e308, -1e308, 1e-300, 100_001, 10 ** 13 + 1];
const MEGABYTE = 'x'.repeat(1024 * 1024);

/** Nested arrays/objects `depth` levels deep (JSON.stringify stays well within the stack at this depth). */
const nested = (depth: number, obj: boolean): unknown => {
  let v: unknown = 'tief';
  for (let i = 0; i < depth; i++) v = obj ? { a: v } : [v];
  return v;
};

/** Anything of any type: what a careless or hostile client sends where the schema wants something else. */
export const evil: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 4, arbitrary: fc.constantFrom(...ODD_NUMBERS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], JSON.parse('{"__proto__":{"admin":true}}'), { constructor: { prototype: {} } }) },
  { weight: 1, arbitrary: fc.constantFrom(nested(300, false), nested(300, true)) },
  { weight: 1, arbitrary: fc.constant(MEGABYTE) },
);

/** A string that fits the schema's format, or any string up to its bound. */
function stringArb(s: Schema, ids: string[], poison: boolean): fc.Arbitrary<unknown> {
  if (poison) return fc.oneof(stringArb(s, ids, false), fc.constantFrom(...POISON_TEXT));
  if (s.format === 'uuid') return fc.oneof(fc.constantFrom(...ids), fc.uuid());
  if (s.format === 'date') return fc.constantFrom('2027-01-15', '2026-12-31', '2030-06-01', '0001-01-01', '9999-12-31');
  if (s.format === 'email') return fc.constantFrom('person@example.org', 'admin@example.org', 'a@b.c', 'x'.repeat(190) + '@example.org');
  if (s.format === 'uri') return fc.constantFrom('https://example.org/x', 'javascript:alert(1)', 'https://example.org/\u0000', 'http://[::1]/');
  if (s.pattern) return fc.constantFrom('#12ab5f', '2027', 'A', 'abc');
  const max = Math.min(s.maxLength ?? 60, 60);
  const min = Math.min(s.minLength ?? 0, max);
  const unusual = UNUSUAL_TEXT.filter((t) => t.length >= min && t.length <= max);
  const any = fc.string({ unit: 'grapheme', minLength: min, maxLength: max });
  return unusual.length ? fc.oneof(any, fc.constantFrom(...unusual)) : any;
}

function numberArb(s: Schema, integer: boolean, poison: boolean): fc.Arbitrary<unknown> {
  if (poison) return fc.oneof(numberArb(s, integer, false), fc.constantFrom(...POISON_NUMBERS));
  const min = s.minimum ?? -1000;
  const max = s.maximum ?? 1000;
  const lo = Math.max(min, -1e9);
  const hi = Math.min(max, 1e9);
  return integer ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) : fc.double({ min: lo, max: hi, noNaN: true });
}

/**
 * A value for `schema`: fitting, and one in `oddOneIn` entirely odd (0: never, so that the request reaches the
 * service with valid but unusual values). `ids` are real ids to use for uuids.
 */
export function valueFor(schema: Schema | undefined, ids: string[], depth = 0, oddOneIn = 8, poison = false): fc.Arbitrary<unknown> {
  const fitting = fittingValue(schema ?? {}, ids, depth, oddOneIn, poison);
  return depth > 4 || !oddOneIn ? fitting : fc.oneof({ weight: oddOneIn - 1, arbitrary: fitting }, { weight: 1, arbitrary: evil });
}

/** Of the right type, but what a database or a parser chokes on: control characters, lone surrogates, huge numbers. */
const POISON_TEXT = ['\u0000', 'Gast\u0000', '\ud800', 'x\udc00y', '\u0001\u0008', '\u001b', '\u007f', '\uffff', 'a'.repeat(100_000), MEGABYTE];
const POISON_NUMBERS = [2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e20, -1, 1e308, 0.000001];

/** Valid but unusual text: right-to-left, combining marks, emoji, quotes, markup. */
const UNUSUAL_TEXT = ['مرحبا', '\u202eabc\u202c', 'e\u0301\u0301', '🌳🏛️👩‍👩‍👧', "O'Brien \"Zitat\"", '<b>fett</b>', '%s%n', 'Zeile\nZeile', '\tTab', 'Straße ÄÖÜ'];

function fittingValue(s: Schema, ids: string[], depth: number, oddOneIn: number, poison: boolean): fc.Arbitrary<unknown> {
  const options = s.anyOf ?? s.oneOf;
  if (options?.length) return fc.oneof(...options.map((o) => fittingValue(o, ids, depth, oddOneIn, poison)));
  if (s.allOf?.length) return fittingValue(Object.assign({}, ...s.allOf) as Schema, ids, depth, oddOneIn, poison);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') ?? 'null' : s.type;
  switch (type) {
    case 'string': return stringArb(s, ids, poison);
    case 'integer': return numberArb(s, true, poison);
    case 'number': return numberArb(s, false, poison);
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    case 'array': {
      if (s.prefixItems) return fc.tuple(...s.prefixItems.map((p) => valueFor(p, ids, depth + 1, oddOneIn, poison)));
      const item = Array.isArray(s.items) ? s.items[0] : s.items;
      return fc.array(valueFor(item, ids, depth + 1, oddOneIn, poison), { minLength: Math.min(s.minItems ?? 0, 5), maxLength: Math.min(Math.max(s.maxItems ?? 4, s.minItems ?? 0), 6) });
    }
    case 'object':
    default: {
      const props = s.properties ?? {};
      const required = (s.required ?? []).filter((k) => k in props);
      // versions of new objects are small: the right one now and then, so that writes go through
      const field = (k: string, v: Schema) =>
        k === 'version' ? fc.oneof(fc.constantFrom(1, 2), ...(poison ? [fc.constantFrom(2 ** 31, 2 ** 53)] : [])) : valueFor(v, ids, depth + 1, oddOneIn, poison);
      const record = fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, field(k, v)])), { requiredKeys: required });
      // well-formed values: all required fields, nothing unknown (the odd ones come with `oddOneIn`)
      if (!oddOneIn) return record;
      // now and then a required field is left out, or an unknown one added
      const missing = required.length ? fc.option(fc.constantFrom(...required), { freq: 8 }) : fc.constant(null);
      const unknownField = fc.option(fc.tuple(fc.constantFrom('isAdmin', 'municipalityId', 'id', '__proto__', 'x\u0000'), evil), { freq: 6 });
      return fc.tuple(record, missing, unknownField).map(([r, drop, extra]) => {
        const out: Record<string, unknown> = { ...r };
        if (drop) delete out[drop];
        if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
        return out;
      });
    }
  }
}

/** Percent-encodes a path or query value; a lone surrogate (which encodeURIComponent refuses) becomes invalid UTF-8. */
export function encode(value: string): string {
  return value.split(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/).map(encodeURIComponent).join('%ED%A0%80');
}

/**
 * The smallest value that fits `schema`: required fields only, each at its lower bound. A request with it
 * gets past the schema, so what answers is the service's own check (of the ids in the path, for example).
 */
export function minimalValue(s: Schema, ids: string[]): unknown {
  const options = s.anyOf ?? s.oneOf;
  if (options?.length) return minimalValue(options.find((o) => o.type !== 'null') ?? options[0], ids);
  if (s.allOf?.length) return minimalValue(Object.assign({}, ...s.allOf) as Schema, ids);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') ?? 'null' : s.type;
  switch (type) {
    case 'string':
      if (s.format === 'uuid') return ids[0];
      if (s.format === 'date') return '2027-01-15';
      if (s.format === 'email') return 'person@example.org';
      if (s.format === 'uri') return 'https://example.org/';
      return 'Test'.padEnd(Math.min(Math.max(s.minLength ?? 1, 4), s.maxLength ?? 4), 'x');
    case 'integer':
    case 'number':
      return Math.min(Math.max(s.minimum ?? 1, 1), s.maximum ?? 1);
    case 'boolean': return false;
    case 'null': return null;
    case 'array': {
      if (s.prefixItems) return s.prefixItems.map((p, i) => (p.format === 'uuid' ? ids[i % ids.length] : minimalValue(p, ids)));
      const item = (Array.isArray(s.items) ? s.items[0] : s.items) ?? {};
      return Array.from({ length: s.minItems ?? 0 }, (_v, i) => (item.format === 'uuid' ? ids[i % ids.length] : minimalValue(item, ids)));
    }
    default:
      return Object.fromEntries((s.required ?? []).filter((k) => s.properties?.[k]).map((k) => [k, minimalValue(s.properties![k], ids)]));
  }
}
