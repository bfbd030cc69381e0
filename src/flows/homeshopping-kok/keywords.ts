// Home-shopping product name → KOK candidate keywords and the final tail/bigram filter (algorithms.md §5.2–5.3;
// api spec §3.5). Pure functions only.
import { CROSS_STOPWORDS, dedup, length, longestFirst, nameKeywords, normalizeName, ROOT_HINTS, STRONG_NGRAMS } from '../recommend-keywords.js';

/** The home-shopping side: roots and strong n-grams longest first. */
const hsKeywords = nameKeywords({ stopwords: CROSS_STOPWORDS, roots: longestFirst(ROOT_HINTS), strongNgrams: longestFirst(STRONG_NGRAMS) });

export const tokenize = (name: string): string[] => hsKeywords.tokenize(name);
export const coreKeywords = (name: string, maxN: number): string[] => hsKeywords.coreKeywords(name, maxN);
export const tailKeywords = (name: string, maxN: number): string[] => hsKeywords.tailKeywords(name, maxN);
export const rootsInName = (name: string): string[] => hsKeywords.rootsInName(name);
export const ngrams = (name: string, maxTerms: number): string[] => hsKeywords.ngrams(name, maxTerms);

const MUST_MAX = 12;
const OPTIONAL_MAX = 32;

/** must = tail + core + roots (first 12), optional = n-grams (first 32); only keywords of ≥ 2 characters gate. */
export function gateKeywords(name: string): { must: string[]; optional: string[] } {
  const long = (terms: string[]) => terms.filter((t) => length(t) >= 2);
  const must = dedup([...tailKeywords(name, 2), ...coreKeywords(name, 3), ...rootsInName(name)]).slice(0, MUST_MAX);
  return { must: long(must), optional: long(dedup(ngrams(name, OPTIONAL_MAX))) };
}

const TAIL_MAX_DF_RATIO = 0.35;
const TAIL_MAX_TERMS = 3;

const bigrams = (text: string) => {
  const chars = [...normalizeName(text).replace(/\s+/g, '')];
  return new Set(chars.slice(0, -1).map((c, i) => c + chars[i + 1]));
};

/**
 * Keeps (in order) the candidates sharing a rare query token and a character bigram with the query name. Rare:
 * in at most 35 % of the candidates, rarest first, at most 3; none rare → the query's first token.
 */
export function tailFilter<T>(queryName: string, candidates: T[], text: (c: T) => string): T[] {
  const query = dedup(tokenize(queryName));
  if (query.length === 0 || candidates.length === 0) return [];
  const tokenSets = candidates.map((c) => new Set(tokenize(text(c))));
  const df = new Map(query.map((q) => [q, tokenSets.filter((s) => s.has(q)).length]));
  const rare = query
    .filter((q) => df.get(q)! / candidates.length <= TAIL_MAX_DF_RATIO)
    .sort((a, b) => df.get(a)! - df.get(b)!)
    .slice(0, TAIL_MAX_TERMS);
  const tails = rare.length > 0 ? rare : [query[0]];
  const queryBigrams = bigrams(queryName);
  return candidates.filter((c, i) => {
    if (!tails.some((tail) => tokenSets[i].has(tail))) return false;
    for (const gram of bigrams(text(c))) if (queryBigrams.has(gram)) return true;
    return false;
  });
}
