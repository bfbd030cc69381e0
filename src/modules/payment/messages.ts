// The payment module's Korean messages (api-order-payment §5.19, §5.20), keyed by code.
export const PAYMENT_MESSAGES = {
  orderNotFound: '주문 내역이 없습니다.',
  serverUnreachable: '외부 결제 서비스에 연결할 수 없습니다.',
  staleCancelled: '이전 결제 확인이 시간 초과로 취소되었습니다. 주문을 다시 진행해주세요.',
  startFailed: '결제 시작 요청 실패',
  failed: (reason: string) => `결제가 실패했습니다: ${reason}`,
  failedDefaultReason: '결제 실패',
  unknownResult: '알 수 없는 결제 결과입니다.',
  confirmFailed: '결제 처리 중 오류가 발생했습니다.',
  // v1 (§5.18).
  v1CallFailed: (status: number) => `외부 결제 API 호출 실패: ${status}`,
  v1NoPaymentId: '외부 결제 응답에 payment_id가 없습니다.',
  v1Failed: '결제가 실패했습니다.',
  v1Timeout: '결제 상태 확인 시간 초과',
  v1ConfirmFailed: '결제 확인 중 오류가 발생했습니다.',
  webhookRejected: 'webhook handling failed',
  webhookFailed: 'webhook processing error',
} as const;
