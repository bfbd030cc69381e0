// KOK product name → home-shopping search terms (algorithms.md §5.2, §5.4; api spec §3.4). Pure functions only.

import { CROSS_STOPWORDS, dedup, length, nameKeywords, normalizeName, ROOT_HINTS, STRONG_NGRAMS, words } from '../recommend-keywords.js';

export { normalizeName };

/** The KOK side: the cross-recommendation stopwords plus `종`, roots and strong n-grams in list order. */
const kokKeywords = nameKeywords({ stopwords: [...CROSS_STOPWORDS, '종'], roots: ROOT_HINTS, strongNgrams: STRONG_NGRAMS });

/** Tokens skipped when picking the last meaningful token (Appendix A.1). */
const SKIP_LAST = new Set(
  words('종 세트 세트구성 박스 구성 혼합 모음 모음전 구독 택 택일 포기 인분 팩 봉 포 입 병 캔 스틱 정 대용량 소용량'),
);

export const tokenize = (name: string): string[] => kokKeywords.tokenize(name);
export const coreKeywords = (name: string, maxN: number): string[] => kokKeywords.coreKeywords(name, maxN);
export const tailKeywords = (name: string, maxN: number): string[] => kokKeywords.tailKeywords(name, maxN);

export function lastMeaningfulToken(name: string): string {
  return tokenize(name).filter((t) => !SKIP_LAST.has(t)).pop() ?? '';
}

export type TermStrategy = 'last_meaningful_token' | 'core_keywords' | 'tail_keywords' | 'fallback_tokens' | 'none';

/** The search terms of one KOK product: the first strategy that yields anything (in practice the first). */
export function searchTerms(name: string, maxN = 5): { terms: string[]; strategy: TermStrategy } {
  const last = lastMeaningfulToken(name);
  if (last) return { terms: [last], strategy: 'last_meaningful_token' };
  const core = coreKeywords(name, maxN);
  if (core.length > 0) return { terms: core, strategy: 'core_keywords' };
  const tail = tailKeywords(name, maxN);
  if (tail.length > 0) return { terms: tail, strategy: 'tail_keywords' };
  const first = tokenize(name).slice(0, maxN);
  return first.length > 0 ? { terms: first, strategy: 'fallback_tokens' } : { terms: [], strategy: 'none' };
}

/** The first `[...]` text of a KOK name, usually the brand ("[CJ] 비비고 …" → "CJ"). */
export function brandOf(name: string): string | null {
  const match = /\[([^\]]+)\]/.exec(name);
  const brand = match?.[1].trim() ?? '';
  return brand.length > 0 ? brand : null;
}

/** The original's fallback pattern: the first 4 characters of the first usable term, or null. */
export function fallbackPrefix(terms: string[]): string | null {
  const term = terms.find((t) => length(t) > 1);
  if (!term) return null;
  const cleaned = term.replace(/[^\p{L}\p{N}\p{M}_]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return length(cleaned) < 2 ? null : [...cleaned].slice(0, 4).join('');
}

/** A home-shopping product that may be recommended. */
export interface HsCandidate {
  productId: number;
  name: string;
  salePrice: number | null;
}

/**
 * Up to `limit` candidates for one KOK product: names containing a term or the brand, exact name first, then
 * names starting with the KOK name, then the rest, each by sale price; else the 4-character prefix fallback.
 * `candidates` must already be ordered by sale price.
 */
export function matchCandidates(kokName: string, terms: string[], candidates: HsCandidate[], limit = 5): HsCandidate[] {
  const needles = [...terms, brandOf(kokName)].filter((t): t is string => !!t && length(t) >= 2).map((t) => t.toLowerCase());
  const target = kokName.toLowerCase();
  const rank = (c: HsCandidate) => {
    const name = c.name.toLowerCase();
    return name === target ? 0 : name.startsWith(target) ? 1 : 2;
  };
  const primary = candidates
    .filter((c) => needles.some((n) => c.name.toLowerCase().includes(n)))
    .map((c, position) => ({ c, position, rank: rank(c) }))
    .sort((a, b) => a.rank - b.rank || a.position - b.position)
    .map((x) => x.c);
  if (primary.length > 0) return primary.slice(0, limit);
  const prefix = fallbackPrefix(terms)?.toLowerCase();
  return prefix ? candidates.filter((c) => c.name.toLowerCase().includes(prefix)).slice(0, limit) : [];
}

/** Every LIKE needle the candidate query must cover for these products. */
export function candidateNeedles(products: Array<{ name: string; terms: string[] }>): string[] {
  const needles = products.flatMap((p) => [...p.terms, brandOf(p.name) ?? '', fallbackPrefix(p.terms) ?? '']);
  return dedup(needles.filter((n) => length(n) >= 2));
}
