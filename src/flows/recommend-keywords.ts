// Product-name keywords shared by the KOK ↔ home-shopping recommendations (algorithms.md §5.2; api spec Appendix
// A.1–A.2). Pure functions only. The two directions differ only in their dictionaries: the KOK side adds `종` to the
// stopwords and keeps the roots in list order, the home-shopping side sorts roots and strong n-grams longest first.

export const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/** The cross-recommendation stopwords of the home-shopping side (Appendix A.2); the KOK side adds `종`. */
export const CROSS_STOPWORDS = words(`세트 선물세트 모음 모음전 구성 증정 행사 정품 정기 무료 특가 사은품 선물 혼합 혼합세트 묶음 총 택 옵션
  국내산 수입산 무료배송 당일 당일발송 예약 신상 히트 인기 추천 기획 기획세트 명품 프리미엄 리미티드 한정 본품 리뉴얼 정가 정상가 행사상품
  대용량 소용량 박스 리필 업소용 가정용 편의점 오리지널 리얼 신제품 공식 단독 정기구독 구독 사은 혜택 특전 한정판 고당도 산지 당일직송 직송
  손질 세척 냉동 냉장 생물 해동 숙성 팩 봉 포 개 입 병 캔 스틱 정 포기 세트구성 골라담기 택1 택일 실속 못난이 파우치 슬라이스 인분`);

/** Ingredient roots in list order (Appendix A.2). */
export const ROOT_HINTS = words(`육수 다시 사골 곰탕 장국 티백 멸치 황태 디포리 가쓰오 가다랭이 주꾸미 쭈꾸미 오징어 한치 문어 낙지 새우 꽃게
  홍게 대게 게 김치 포기김치 열무김치 갓김치 동치미 만두 교자 왕교자 라면 우동 국수 칼국수 냉면 사리 메밀 막국수 어묵 오뎅 두부 순두부
  유부 우유 치즈 요거트 버터 닭 닭가슴살 닭다리 닭안심 돼지 돼지고기 삼겹살 목살 소고기 한우 양지 사태 갈비 차돌 식용유 참기름 들기름
  설탕 소금 고추장 된장 간장 쌈장 고춧가루 카레 짜장 분말 명란 명란젓 젓갈 어란 창란 창란젓 오징어젓 낙지젓`);

export const STRONG_NGRAMS = words('사골곰탕 포기김치 왕교자 어묵탕 갈비탕 육개장 사골국물 황태채 국물티백');

const VARIANTS: Record<string, string[]> = {
  주꾸미: ['쭈꾸미'],
  가쓰오: ['가츠오', '가쓰오부시', '가츠오부시'],
  명태: ['북어'],
  어묵: ['오뎅'],
  백명란: ['명란', '명란젓'],
};

/** Python's `len()` counts code points, not UTF-16 units. */
export const length = (s: string) => [...s].length;
export const dedup = (items: string[]) => [...new Set(items)];
const isNumeric = (s: string) => /^\p{N}+$/u.test(s);
const withVariants = (terms: string[]) => dedup(terms.flatMap((t) => [t, ...(VARIANTS[t] ?? [])]));
/** Longest first; equal lengths keep list order (algorithms.md R-19). */
export const longestFirst = (items: string[]) => [...items].sort((a, b) => length(b) - length(a));

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

export interface KeywordDictionary {
  stopwords: string[];
  roots: string[];
  strongNgrams: string[];
}

export interface NameKeywords {
  stopwords: ReadonlySet<string>;
  /** Words of the normalised name: ≥ 2 characters, not a number, not a stopword. */
  tokenize(name: string): string[];
  /** Strong n-grams and tokens with the roots inside them, variants expanded. */
  coreKeywords(name: string, maxN: number): string[];
  /** The last `maxN` distinct digit-free tokens, then their variants, then the roots inside them. */
  tailKeywords(name: string, maxN: number): string[];
  /** Roots (≥ 2 characters, not stopwords) inside the normalised name, at most 5. */
  rootsInName(name: string): string[];
  /** Character windows (2..4) of the pure-Hangul tokens, then the tokens, non-stopwords, at most `maxTerms`. */
  ngrams(name: string, maxTerms: number): string[];
}

export function nameKeywords(dictionary: KeywordDictionary): NameKeywords {
  const stopwords = new Set(dictionary.stopwords);
  const roots = dictionary.roots;
  const rootsInside = (term: string) => roots.filter((root) => root !== term && term.includes(root));
  const tokenize = (name: string) => words(normalizeName(name)).filter((t) => length(t) >= 2 && !isNumeric(t) && !stopwords.has(t));
  const hangul = (s: string) => /^[가-힣]{2,}$/.test(s);
  return {
    stopwords,
    tokenize,
    coreKeywords(name, maxN) {
      const normalized = normalizeName(name);
      const terms: string[] = [];
      for (const gram of dictionary.strongNgrams) if (normalized.includes(gram)) terms.push(gram, ...rootsInside(gram));
      for (const token of tokenize(name)) terms.push(...rootsInside(token), token);
      return withVariants(dedup(terms).slice(0, maxN)).slice(0, maxN);
    },
    tailKeywords(name, maxN) {
      const tokens = tokenize(name).filter((t) => !/\p{Nd}/u.test(t));
      const tail: string[] = [];
      for (let i = tokens.length - 1; i >= 0 && tail.length < maxN; i--) if (!tail.includes(tokens[i])) tail.unshift(tokens[i]);
      return dedup([...tail, ...tail.flatMap((t) => VARIANTS[t] ?? []), ...tail.flatMap(rootsInside)]);
    },
    rootsInName(name) {
      const normalized = normalizeName(name);
      return dedup(roots.filter((r) => length(r) >= 2 && normalized.includes(r) && !stopwords.has(r))).slice(0, 5);
    },
    ngrams(name, maxTerms) {
      const out: string[] = [];
      for (const token of tokenize(name).filter(hangul)) {
        const chars = [...token];
        for (let n = 2; n <= 4; n++) for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
        out.push(token);
      }
      return dedup(out.filter((t) => hangul(t) && !stopwords.has(t))).slice(0, maxTerms);
    },
  };
}
