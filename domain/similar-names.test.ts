import { describe, expect, it } from 'vitest';
import { closeMatches, nameSimilarity, normalizeName, PROPOSE_AT } from './similar-names';

const DIMENSIONS = [
  { id: 'ger', names: ['Gerechte Stadt'] },
  { id: 'gru', names: ['Grüne Stadt'] },
  { id: 'pro', names: ['Produktive Stadt'] },
];
const DEPARTMENTS = [
  { id: 'spa', names: ['Stadtplanungsamt', 'SPA'] },
  { id: 'tba', names: ['Tiefbauamt', 'TBA'] },
  { id: 'ugr', names: ['Amt für Umwelt und Grünflächen', 'Umwelt'] },
];

describe('similar names', () => {
  it('spells names out the same way', () => {
    expect(normalizeName('  Grüne  Straße – Süd ')).toBe('gruene strasse sued');
  });

  it('proposes the charter dimension for a short form of the spreadsheet ("grün" → "Grüne Stadt")', () => {
    expect(closeMatches('grün', DIMENSIONS)[0]).toMatchObject({ id: 'gru', name: 'Grüne Stadt' });
    expect(closeMatches('gerecht', DIMENSIONS)[0].id).toBe('ger');
    expect(closeMatches('Produktiv', DIMENSIONS)[0].id).toBe('pro');
    expect(closeMatches('grün', DIMENSIONS)).toHaveLength(1);
  });

  it('finds a department written differently, and not an unrelated one', () => {
    expect(closeMatches('Amt für Stadtplanung', DEPARTMENTS)[0].id).toBe('spa');
    expect(closeMatches('Tiefbauamt ', DEPARTMENTS)[0]).toMatchObject({ id: 'tba', score: 1 });
    expect(closeMatches('Tiefbaumt', DEPARTMENTS)[0].id).toBe('tba');
    expect(closeMatches('Umweltamt', DEPARTMENTS)[0]?.id).toBe('ugr');
    expect(closeMatches('Kulturamt', DEPARTMENTS)).toEqual([]);
    expect(closeMatches('Ordnungsamt', DEPARTMENTS)).toEqual([]);
  });

  it('treats hyphens, spaces and case as the same name, and ranks look-alikes lower', () => {
    expect(nameSimilarity('Merseburg Süd', 'Merseburg-Süd')).toBeGreaterThanOrEqual(0.98);
    expect(nameSimilarity('Südstadt', 'Süd-Stadt')).toBeGreaterThanOrEqual(0.98);
    expect(nameSimilarity('Altstadt', 'Neumarkt')).toBeLessThan(PROPOSE_AT);
    expect(nameSimilarity('Merseburg-Nord', 'Merseburg-Süd')).toBeLessThan(PROPOSE_AT);
    expect(nameSimilarity('Bauamt', 'Tiefbauamt')).toBeLessThan(PROPOSE_AT);
    expect(nameSimilarity('Merseburg-Nord', 'Merseburg-Süd')).toBeLessThan(nameSimilarity('Merseburg Nord', 'Merseburg-Nord'));
  });
});
