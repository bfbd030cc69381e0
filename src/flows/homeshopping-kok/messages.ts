// Korean messages of the home-shopping → KOK recommendation and its cache (api spec §5.4, §5.6), keyed by code.
export const HS_KOK_MESSAGES = {
  cacheInvalidated: 'KOK 추천 캐시가 무효화되었습니다.',
  cacheInvalidateFailed: '캐시 무효화 중 오류가 발생했습니다.',
} as const;
