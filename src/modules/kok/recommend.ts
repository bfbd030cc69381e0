// KOK product name → home-shopping search terms (algorithms.md §5.2, §5.4; api spec §3.4). Pure functions only.

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/** KOK module stopwords: the cross-recommendation list (Appendix A.2) plus `종`. */
const STOPWORDS = new Set(
  words(`세트 선물세트 모음 모음전 구성 증정 행사 정품 정기 무료 특가 사은품 선물 혼합 혼합세트 묶음 총 택 옵션 국내산 수입산
  무료배송 당일 당일발송 예약 신상 히트 인기 추천 기획 기획세트 명품 프리미엄 리미티드 한정 본품 리뉴얼 정가 정상가 행사상품 대용량
  소용량 박스 리필 업소용 가정용 편의점 오리지널 리얼 신제품 공식 단독 정기구독 구독 사은 혜택 특전 한정판 고당도 산지 당일직송 직송
  손질 세척 냉동 냉장 생물 해동 숙성 팩 봉 포 개 입 병 캔 스틱 정 포기 세트구성 골라담기 택1 택일 실속 못난이 파우치 슬라이스 인분 종`),
);

/** Tokens skipped when picking the last meaningful token (Appendix A.4). */
const SKIP_LAST = new Set(
  words('종 세트 세트구성 박스 구성 혼합 모음 모음전 구독 택 택일 포기 인분 팩 봉 포 입 병 캔 스틱 정 대용량 소용량'),
);

/** Ingredient roots in list order (Appendix A.3); the KOK module does not re-sort them. */
const ROOT_HINTS = words(`육수 다시 사골 곰탕 장국 티백 멸치 황태 디포리 가쓰오 가다랭이 주꾸미 쭈꾸미 오징어 한치 문어 낙지 새우 꽃게
  홍게 대게 게 김치 포기김치 열무김치 갓김치 동치미 만두 교자 왕교자 라면 우동 국수 칼국수 냉면 사리 메밀 막국수 어묵 오뎅 두부 순두부
  유부 우유 치즈 요거트 버터 닭 닭가슴살 닭다리 닭안심 돼지 돼지고기 삼겹살 목살 소고기 한우 양지 사태 갈비 차돌 식용유 참기름 들기름
  설탕 소금 고추장 된장 간장 쌈장 고춧가루 카레 짜장 분말 명란 명란젓 젓갈 어란 창란 창란젓 오징어젓 낙지젓`);

const STRONG_NGRAMS = words('사골곰탕 포기김치 왕교자 어묵탕 갈비탕 육개장 사골국물 황태채 국물티백');

const VARIANTS: Record<string, string[]> = {
  주꾸미: ['쭈꾸미'],
  가쓰오: ['가츠오', '가쓰오부시', '가츠오부시'],
  명태: ['북어'],
  어묵: ['오뎅'],
  백명란: ['명란', '명란젓'],
};

/** Python's `len()` counts code points, not UTF-16 units. */
const length = (s: string) => [...s].length;
const isNumeric = (s: string) => /^\p{N}+$/u.test(s);
const dedup = (items: string[]) => [...new Set(items)];
const rootsInside = (term: string) => ROOT_HINTS.filter((root) => root !== term && term.includes(root));
const withVariants = (terms: string[]) => dedup(terms.flatMap((t) => [t, ...(VARIANTS[t] ?? [])]));

// A number with optional decimals, unit and multiplier ("1.05kg x 3"); the unit may eat a following word's first
// letter ("2 large" → "arge"), a parity quirk of the original pattern.
const MEASURE = /\p{Nd}+(?:\.\p{Nd}+)?\s*(?:g|kg|ml|l)?\s*(?:[xX×＊*]\s*\p{Nd}+)?/giu;

/** Removes bracketed groups, measures and punctuation; collapses spaces. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\([^)]*\)/g, ' ')
    .replace(MEASURE, ' ')
    .replace(/[^\p{L}\p{N}\p{M}_]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of the normalised name: ≥ 2 characters, not a number, not a stopword. */
export function tokenize(name: string): string[] {
  return words(normalizeName(name)).filter((t) => length(t) >= 2 && !isNumeric(t) && !STOPWORDS.has(t));
}

export function lastMeaningfulToken(name: string): string {
  return tokenize(name).filter((t) => !SKIP_LAST.has(t)).pop() ?? '';
}

/** Strong n-grams and tokens with the roots inside them, variants expanded. */
export function coreKeywords(name: string, maxN: number): string[] {
  const normalized = normalizeName(name);
  const terms: string[] = [];
  for (const gram of STRONG_NGRAMS) if (normalized.includes(gram)) terms.push(gram, ...rootsInside(gram));
  for (const token of tokenize(name)) terms.push(...rootsInside(token), token);
  return withVariants(dedup(terms).slice(0, maxN)).slice(0, maxN);
}

/** The last `maxN` distinct digit-free tokens, then their variants, then the roots inside them. */
export function tailKeywords(name: string, maxN: number): string[] {
  const tokens = tokenize(name).filter((t) => !/\p{Nd}/u.test(t));
  const tail: string[] = [];
  for (let i = tokens.length - 1; i >= 0 && tail.length < maxN; i--) if (!tail.includes(tokens[i])) tail.unshift(tokens[i]);
  return dedup([...tail, ...tail.flatMap((t) => VARIANTS[t] ?? []), ...tail.flatMap(rootsInside)]);
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
