import type { MeasureQuery } from '../../../contract/measures';

/**
 * Builds the WHERE clause shared by the list, the exports and the dashboard, so all three always
 * agree on what "the filtered measures" are. Values go in as parameters, never into the SQL text.
 */
export function measureWhere(municipalityId: string, q: Partial<MeasureQuery>, alias = 'm') {
  const params: unknown[] = [municipalityId];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [`${alias}.municipality_id = $1`];
  let search: { tsq: string; text: string } | null = null;
  if (q.q) {
    const qp = p(q.q);
    const tsq = `websearch_to_tsquery('german', ${qp})`;
    // The folded query for ranking, as an expression of the same parameter: callers that do not rank
    // leave it out, and an unused parameter would leave PostgreSQL unable to type it.
    const text = `btrim(replace(lower(${qp}::text), 'ß', 'ss'))`;
    // Stemmed full text finds inflections ("Sanierung" → "Sanierungen"). Compounds and typos
    // ("Strasse" → "Straßenplanung", "Sanirung" → "Sanierung") come from trigram similarity, taken
    // per word: each query word picks its similar words from the municipality's vocabulary (a small
    // trigram index scan, migration 0007_search_words_gin), and a brief matches if it contains one of
    // them for every query word.
    const fuzzy = searchWords(q.q).map(
      // scalar subquery: similar_words runs once per query word, never per brief
      (w) => `${alias}.search_words && (SELECT similar_words($1, ${p(w)}))`,
    );
    where.push(`(${alias}.search @@ ${tsq}${fuzzy.length ? ` OR (${fuzzy.join(' AND ')})` : ''})`);
    search = { tsq, text };
  }
  if (q.district?.length) where.push(`${alias}.district_ids && ${p(q.district)}::uuid[]`);
  if (q.department?.length) {
    const d = p(q.department);
    where.push(`(${alias}.lead_department_id = ANY(${d}::uuid[]) OR ${alias}.partner_department_ids && ${d}::uuid[])`);
  }
  if (q.actionField?.length) where.push(`${alias}.action_field_ids && ${p(q.actionField)}::uuid[]`);
  if (q.goal?.length) where.push(`${alias}.goal_ids && ${p(q.goal)}::uuid[]`);
  if (q.dimension?.length) where.push(`${alias}.dimension_ids && ${p(q.dimension)}::uuid[]`);
  if (q.status?.length) where.push(`${alias}.status = ANY(${p(q.status)}::text[])`);
  if (q.horizon?.length) where.push(`${alias}.horizon = ANY(${p(q.horizon)}::text[])`);
  if (q.priority?.length) where.push(`${alias}.priority = ANY(${p(q.priority)}::text[])`);
  if (q.tag?.length) where.push(`${alias}.tags && ${p(q.tag)}::text[]`);
  if (q.workshop) where.push(`${alias}.origin_workshop_id = ${p(q.workshop)}::uuid`);
  return { where: where.join(' AND '), params, search, p };
}

/** Same folding as the search_text column (see migration): lower case, ß → ss. */
export function foldForTrigram(s: string) {
  return s.toLowerCase().replaceAll('ß', 'ss').trim();
}

/** The query's words as the search_words column holds them (migration 0007): folded, split, ≥ 3 letters. */
export function searchWords(q: string): string[] {
  return [...new Set(foldForTrigram(q).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3))];
}

/** Relevance: stemmed full-text rank plus how close the query comes to a word of the (short) title. */
export function searchRank(search: { tsq: string; text: string }, alias = 'm') {
  return `ts_rank(${alias}.search, ${search.tsq}) + word_similarity(${search.text}, replace(lower(${alias}.title), 'ß', 'ss'))`;
}

const SORTS: Record<string, string> = {
  title: 'm.title ASC',
  '-title': 'm.title DESC',
  number: 'm.number ASC',
  '-number': 'm.number DESC',
  cost: 'm.cost_cents ASC NULLS LAST',
  '-cost': 'm.cost_cents DESC NULLS LAST',
  start: 'm.planned_start ASC NULLS LAST',
  '-start': 'm.planned_start DESC NULLS LAST',
  updated: 'm.updated_at ASC',
  '-updated': 'm.updated_at DESC',
  status: "array_position(ARRAY['idea','brief','prioritised','planning','implementation','done','on_hold'], m.status)",
};

export function measureOrder(sort: string | undefined, hasSearch: boolean) {
  const s = sort ?? (hasSearch ? 'relevance' : 'number');
  if (s === 'relevance') return hasSearch ? 'rank DESC, m.number ASC' : 'm.number ASC';
  return `${SORTS[s] ?? 'm.number ASC'}, m.number ASC`;
}
