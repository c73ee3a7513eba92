-- Similar words of one query word from a municipality's vocabulary, through the trigram index.
-- The planner costs the `<%` operator as cheap and so reads the whole vocabulary (seq scan or the
-- primary key) and computes word similarity for every word: 14–33 ms for 1,375 words on a busy
-- machine, 260–430 ms for 52,000 words (a large town), against 23–40 ms through the trigram GIN index.
-- Plan settings on a function apply to its own query only, so nothing else loses these scan types.
-- (A second file under this helper's number 0007: 0007_search_words.sql had already landed.)
CREATE FUNCTION similar_words(muni uuid, query_word text) RETURNS text[] LANGUAGE sql STABLE
  SET enable_seqscan = off SET enable_indexscan = off SET enable_indexonlyscan = off
  AS $$ SELECT coalesce(array_agg(word), '{}') FROM search_word WHERE municipality_id = muni AND query_word <% word $$;
