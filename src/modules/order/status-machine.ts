// The order line status machine (spec §2.6, §3): the status table, the ONE table of allowed transitions with who
// may trigger each, and the answer "allowed / refused with the contract's message" for any pair. Pure code.
import { ORDER_MESSAGES as MSG } from './messages.js';

export const STATUS_CODES = [
  'ORDER_RECEIVED',
  'PAYMENT_REQUESTED',
  'PAYMENT_COMPLETED',
  'PREPARING',
  'SHIPPING',
  'DELIVERED',
  'CANCELLED',
  'REFUND_REQUESTED',
  'REFUND_COMPLETED',
] as const;
export type StatusCode = (typeof STATUS_CODES)[number];

export function isStatusCode(code: string): code is StatusCode {
  return (STATUS_CODES as readonly string[]).includes(code);
}

/** STATUS_MASTER's label and the notification text of each code (§2.6); null = no notification (§10: cancellation). */
export const STATUSES: Record<StatusCode, { name: string; notice: { title: string; message: string } | null }> = {
  ORDER_RECEIVED: { name: '주문 생성', notice: { title: '주문 생성', message: '주문이 생성되었습니다.' } },
  PAYMENT_REQUESTED: { name: '결제요청', notice: { title: '결제 요청', message: '결제가 요청되었습니다.' } },
  PAYMENT_COMPLETED: { name: '결제완료', notice: { title: '주문 완료', message: '주문이 성공적으로 완료되었습니다.' } },
  PREPARING: { name: '상품준비중', notice: { title: '상품 준비', message: '상품 준비를 시작합니다.' } },
  SHIPPING: { name: '배송중', notice: { title: '배송 시작', message: '상품이 배송을 시작합니다.' } },
  DELIVERED: { name: '배송완료', notice: { title: '배송 완료', message: '상품이 배송 완료되었습니다.' } },
  CANCELLED: { name: '주문취소', notice: null },
  REFUND_REQUESTED: { name: '환불요청', notice: { title: '환불 요청', message: '환불이 요청되었습니다.' } },
  REFUND_COMPLETED: { name: '환불완료', notice: { title: '환불 완료', message: '환불이 완료되었습니다.' } },
};

/**
 * Who triggers a change: the shopper's own request (checkout, confirm, v1 poll, HS confirm), the scheduled jobs
 * (progression, stale cancellation), the payment server's webhook, or the PATCH status test/admin utility.
 */
export type Actor = 'user' | 'system' | 'webhook' | 'admin';
export const ACTORS: readonly Actor[] = ['user', 'system', 'webhook', 'admin'];

/** `null` = a line without history (only creation starts from there). */
export type FromStatus = StatusCode | null;

/**
 * Every allowed transition and its actors (§3.2 with the fixes of §14 W7/W10). Refunds are never written (§3.1).
 * The admin utility only moves a paid line along the delivery path or cancels an unpaid one: it can never mark a
 * line paid, so it is no way around the payment.
 */
const TRANSITIONS: ReadonlyArray<{ from: FromStatus; to: StatusCode; actors: readonly Actor[] }> = [
  { from: null, to: 'ORDER_RECEIVED', actors: ['user'] },
  { from: 'ORDER_RECEIVED', to: 'PAYMENT_REQUESTED', actors: ['user'] },
  { from: 'PAYMENT_REQUESTED', to: 'PAYMENT_COMPLETED', actors: ['user', 'webhook'] },
  { from: 'PAYMENT_COMPLETED', to: 'PREPARING', actors: ['system', 'admin'] },
  { from: 'PREPARING', to: 'SHIPPING', actors: ['system', 'admin'] },
  { from: 'SHIPPING', to: 'DELIVERED', actors: ['system', 'admin'] },
  { from: 'ORDER_RECEIVED', to: 'CANCELLED', actors: ['system', 'admin'] },
  { from: 'PAYMENT_REQUESTED', to: 'CANCELLED', actors: ['system', 'webhook', 'admin'] },
];

export type TransitionAnswer = { allowed: true } | { allowed: false; message: string };

/**
 * May `actor` move a line from `from` to `to`? Refusals carry the contract's text for the step being attempted:
 * starting a payment (§5.19, with the line id), marking paid (§5.9), starting delivery (§5.11), else a plain one.
 */
export function checkTransition(from: FromStatus, to: StatusCode, actor: Actor, lineId: number): TransitionAnswer {
  const rule = TRANSITIONS.find((t) => t.from === from && t.to === to);
  if (rule?.actors.includes(actor)) return { allowed: true };
  return { allowed: false, message: rule ? MSG.transitionRefused(labelOf(from), STATUSES[to].name) : refusal(from, to, lineId) };
}

function labelOf(status: FromStatus): string {
  return status ? STATUSES[status].name : MSG.receivedFallbackName;
}

function refusal(from: FromStatus, to: StatusCode, lineId: number): string {
  const current = from ?? 'ORDER_RECEIVED';
  if (to === 'PAYMENT_REQUESTED') return MSG.notPayable(lineId);
  if (to === 'PAYMENT_COMPLETED') return MSG.notPaymentRequested;
  if (to === 'PREPARING') return MSG.notPaymentCompleted(STATUSES[current].name, current);
  return MSG.transitionRefused(labelOf(from), STATUSES[to].name);
}

/** CHANGED_BY of a history row (§2.3): the user, 1 for the system, NULL for a KOK webhook (the HS one names the owner). */
export const SYSTEM_USER_ID = 1;
