// The log module's Korean messages (api spec §3), keyed by code.
export const LOG_MESSAGES = {
  healthy: '로그 서비스가 정상적으로 작동 중입니다.',
  available: '로그 서비스가 사용 가능합니다.',
  endpointHealth: '서비스 상태 확인',
  endpointWrite: '로그 기록',
  endpointRead: '사용자별 로그 조회',
  negativeUserId: 'user_id는 0 이상의 정수여야 합니다.',
  missingEventType: 'event_type이 누락되었습니다.',
  writeAction: '로그 기록',
  readAction: '로그 조회',
  activityLogged: '활동 로그가 성공적으로 기록되었습니다.',
  activityFailed: '활동 로그 기록에 실패했습니다.',
  storeUnavailable: '로그 저장소를 일시적으로 사용할 수 없습니다.',
} as const;
