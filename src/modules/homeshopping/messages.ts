// The home-shopping module's Korean messages (api spec §5), keyed by code: one place to read and change them.
export const HS_MESSAGES = {
  // Fixed 500 texts, one per endpoint.
  scheduleFailed: '편성표 조회 중 오류가 발생했습니다.',
  liveStreamLookupFailed: '라이브 스트림 정보를 조회하지 못했습니다.',
  productDetailFailed: '상품 상세 조회 중 오류가 발생했습니다.',
  ingredientCheckFailed: '상품 식재료 여부 확인 중 오류가 발생했습니다.',
  recipeRecommendFailed: '레시피 추천 조회 중 오류가 발생했습니다.',
  searchFailed: '상품 검색 중 오류가 발생했습니다.',
  historySaveFailed: '검색 이력 저장 중 오류가 발생했습니다.',
  historyViewFailed: '검색 이력 조회 중 오류가 발생했습니다.',
  historyDeleteFailed: '검색 이력 삭제 중 오류가 발생했습니다.',
  // Bad input.
  streamSourceRequired: 'src 또는 homeshopping_id 중 하나가 필요합니다.',
  streamSourceNotHttp: 'src는 http 또는 https 주소여야 합니다.',
  keywordRequired: '검색 키워드를 입력해주세요.',
  // Not found.
  streamNotFound: '라이브 스트림 URL을 찾을 수 없습니다.',
  productNotFound: '상품을 찾을 수 없습니다.',
  hsProductNotFound: '홈쇼핑 상품을 찾을 수 없습니다.',
  historyNotFound: '삭제할 검색 이력을 찾을 수 없습니다.',
  // Answers.
  historyDeleted: '검색 이력이 삭제되었습니다.',
  channelName: (channel: number) => `채널 ${channel}`,
} as const;
