// Korean messages of the KOK → home-shopping recommendation (api spec §4.21), keyed by code.
export const RECOMMEND_MESSAGES = {
  failed: '홈쇼핑 추천 중 오류가 발생했습니다.',
  noSources: '찜하거나 장바구니에 담긴 상품이 없습니다.',
  noKeywords: '추천 키워드를 추출할 수 없습니다.',
  personalTitle: '사용자 맞춤 추천',
} as const;
