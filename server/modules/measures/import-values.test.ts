import { describe, expect, it } from 'vitest';
import type { Concept } from '../../../contract/concept';
import { propose, splitNames, vocabularies } from './import-values';

const known = new Set(['stadtplanungsamt', 'bauamt', 'tiefbauamt']);
const isName = (p: string) => known.has(p.toLowerCase().trim());
const never = () => false;

describe('splitting a cell into names', () => {
  it('always splits at ";" and line breaks, at "," and "/" only next to a known name', () => {
    expect(splitNames('Stadtplanungsamt, Bauamt', isName, never)).toEqual(['Stadtplanungsamt', 'Bauamt']);
    expect(splitNames('Tiefbauamt / Sozialamt', isName, never)).toEqual(['Tiefbauamt', 'Sozialamt']);
    expect(splitNames('Bauamt;\nOrdnungsamt', isName, never)).toEqual(['Bauamt', 'Ordnungsamt']);
    expect(splitNames('Amt für Umwelt, Natur und Grünflächen', isName, never)).toEqual(['Amt für Umwelt, Natur und Grünflächen']);
    // a name that has a comma itself stays whole when it is known as written
    expect(splitNames('Bauen, Wohnen und Verkehr', () => true, (p) => p === 'Bauen, Wohnen und Verkehr')).toEqual(['Bauen, Wohnen und Verkehr']);
  });
});

describe('proposals for the vocabularies', () => {
  const vocab = vocabularies({ districts: [], departments: [], actionFields: [], dimensions: [], goals: [] } as unknown as Concept);
  it.each([
    ['status', 'umgesetzt', 'done'],
    ['status', 'in Umsetzung seit 2024', 'implementation'],
    ['status', 'laufend', 'implementation'],
    ['status', 'Vorschlag', 'idea'],
    ['horizon', 'kurzfristig (bis 2027)', 'short'],
    ['horizon', '3-5 Jahre', 'medium'],
  ] as const)('%s „%s“ → %s', (kind, value, key) => {
    expect(propose(vocab, kind, value).proposal).toEqual({ action: 'map', target: key });
  });
  it('proposes nothing for a word it cannot place, and never to create a status', () => {
    expect(propose(vocab, 'horizon', 'bald').proposal).toBeNull();
    expect(propose(vocab, 'status', 'Mal sehen').proposal).toBeNull();
  });
  it('proposes to create a new name, but not a whole text that landed in a name column', () => {
    expect(propose(vocab, 'district', 'Meuschau').proposal).toEqual({ action: 'create' });
    expect(propose(vocab, 'district', 'Lange Beschreibung. '.repeat(15)).proposal).toBeNull();
  });
});
