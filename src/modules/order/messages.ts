// The order module's Korean messages (api-order-payment spec §5, §10), keyed by code: one place to read and change them.
export const ORDER_MESSAGES = {
  // Fixed 500 texts, one per endpoint.
  ordersFailed: '주문 조회 중 오류가 발생했습니다.',
  countFailed: '주문 개수 조회 중 오류가 발생했습니다.',
  kokStatusFailed: '주문 상태 정보를 찾을 수 없습니다.',
  kokStatusUpdateFailed: '주문 상태 변경 중 오류가 발생했습니다.',
  hsStatusFailed: '주문 상태 조회 중 오류가 발생했습니다.',
  notificationsFailed: '알림 내역 조회 중 오류가 발생했습니다.',
  // Not found (also for another user's rows: existence is never leaked).
  orderNotFound: '주문 내역이 없습니다.',
  kokLineNotFound: '해당 콕 주문을 찾을 수 없습니다.',
  hsLineNotFound: '해당 홈쇼핑 주문을 찾을 수 없습니다.',
  lineNotFound: '주문을 찾을 수 없습니다.',
  unknownStatusCode: (code: string) => `상태 코드 '${code}'를 찾을 수 없습니다`,
  // Refused transitions (§5.9, §5.11, §5.19 and the status machine's own refusal).
  notPayable: (lineId: number) => `주문 ID ${lineId}의 상태가 결제 가능한 상태가 아닙니다.`,
  notPaymentRequested: '현재 상태가 PAYMENT_REQUESTED가 아닙니다',
  notPaymentCompleted: (name: string, code: string) => `결제 완료 상태가 아닙니다. 현재 상태: ${name} (${code})`,
  transitionRefused: (fromName: string, toName: string) => `'${fromName}' 상태에서 '${toName}' 상태로 변경할 수 없습니다.`,
  // Fallbacks of the listings (§5.1, §5.1.1, §5.15).
  noHistoryDelivery: '주문접수',
  noDeliveryInfo: '배송 정보 없음',
  arrived: (month: number, day: number, weekday: string) => `${month}/${day}(${weekday}) 도착`,
  kokProductFallback: (id: number) => `콕 상품 (ID: ${id})`,
  hsProductFallback: (id: number) => `홈쇼핑 상품 (ID: ${id})`,
  hsProductNameFallback: (id: number) => `상품_${id}`,
  receivedFallbackName: '주문 접수',
  // Order creation (§5.5, §5.13, §10).
  receivedStatusMissing: '주문접수 상태 코드를 찾을 수 없습니다.',
  hsOrderReceivedNotice: '주문이 성공적으로 접수되었습니다.',
  // The KOK confirm shortcuts, the HS confirm and the auto-update gate (§5.9–§5.11, §5.16, §5.17).
  confirmFailed: '결제 확인 중 오류가 발생했습니다.',
  kokLineConfirmed: '결제가 완료되어 상태가 변경되었습니다.',
  kokOrderConfirmed: '결제가 완료되어 모든 KokOrder 상태가 변경되었습니다.',
  confirmOrderNotFound: '해당 주문을 찾을 수 없습니다.',
  noKokLines: '해당 주문의 콕 주문 항목이 없습니다.',
  hsConfirmed: '결제가 확인되었습니다',
  noHistoryYet: '주문이 생성되었지만 아직 상태 이력이 없습니다.',
  autoUpdateStarted: (lineId: number, name: string) => `주문 ${lineId}의 자동 상태 업데이트가 시작되었습니다. (현재 상태: ${name})`,
  autoUpdateFailed: '서버 오류가 발생했습니다.',
  idempotencyKeyReused: '같은 Idempotency-Key로 다른 요청이 이미 처리되었습니다.',
} as const;

/** Monday first, as the original's weekday table. */
export const WEEKDAYS = ['월', '화', '수', '목', '금', '토', '일'] as const;
