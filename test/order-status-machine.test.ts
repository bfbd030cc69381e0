// The status machine's transition table: every (from, to, actor) triple, legal and illegal, with the refusal text.
import { describe, expect, it } from 'vitest';
import { ACTORS, checkTransition, STATUS_CODES, type Actor, type FromStatus, type StatusCode } from '../src/modules/order/status-machine.js';

const LEGAL: Array<[FromStatus, StatusCode, Actor[]]> = [
  [null, 'ORDER_RECEIVED', ['user']],
  ['ORDER_RECEIVED', 'PAYMENT_REQUESTED', ['user']],
  ['PAYMENT_REQUESTED', 'PAYMENT_COMPLETED', ['user', 'webhook']],
  ['PAYMENT_COMPLETED', 'PREPARING', ['system', 'admin']],
  ['PREPARING', 'SHIPPING', ['system', 'admin']],
  ['SHIPPING', 'DELIVERED', ['system', 'admin']],
  ['ORDER_RECEIVED', 'CANCELLED', ['system', 'admin']],
  ['PAYMENT_REQUESTED', 'CANCELLED', ['system', 'webhook', 'admin']],
];

const LABEL: Record<StatusCode, string> = {
  ORDER_RECEIVED: '주문 생성',
  PAYMENT_REQUESTED: '결제요청',
  PAYMENT_COMPLETED: '결제완료',
  PREPARING: '상품준비중',
  SHIPPING: '배송중',
  DELIVERED: '배송완료',
  CANCELLED: '주문취소',
  REFUND_REQUESTED: '환불요청',
  REFUND_COMPLETED: '환불완료',
};

function expectedRefusal(from: FromStatus, to: StatusCode, pairExists: boolean): string {
  const fromLabel = from ? LABEL[from] : '주문 접수';
  if (pairExists) return `'${fromLabel}' 상태에서 '${LABEL[to]}' 상태로 변경할 수 없습니다.`;
  if (to === 'PAYMENT_REQUESTED') return '주문 ID 901의 상태가 결제 가능한 상태가 아닙니다.';
  if (to === 'PAYMENT_COMPLETED') return '현재 상태가 PAYMENT_REQUESTED가 아닙니다';
  if (to === 'PREPARING') return `결제 완료 상태가 아닙니다. 현재 상태: ${LABEL[from ?? 'ORDER_RECEIVED']} (${from ?? 'ORDER_RECEIVED'})`;
  return `'${fromLabel}' 상태에서 '${LABEL[to]}' 상태로 변경할 수 없습니다.`;
}

const FROMS: FromStatus[] = [null, ...STATUS_CODES];
const cases = FROMS.flatMap((from) => STATUS_CODES.flatMap((to) => ACTORS.map((actor) => ({ from, to, actor }))));

describe('order status machine', () => {
  it('covers every pair and actor (10 × 9 × 4)', () => {
    expect(cases).toHaveLength(360);
  });

  it.each(cases)('$from → $to by $actor', ({ from, to, actor }) => {
    const rule = LEGAL.find(([f, t]) => f === from && t === to);
    const answer = checkTransition(from, to, actor, 901);
    if (rule?.[2].includes(actor)) expect(answer).toEqual({ allowed: true });
    else expect(answer).toEqual({ allowed: false, message: expectedRefusal(from, to, rule !== undefined) });
  });

  it('keeps paid and later lines from being cancelled, revived or refunded', () => {
    for (const from of ['PAYMENT_COMPLETED', 'PREPARING', 'SHIPPING', 'DELIVERED'] as const) {
      for (const actor of ACTORS) expect(checkTransition(from, 'CANCELLED', actor, 1).allowed).toBe(false);
    }
    for (const actor of ACTORS) expect(checkTransition('CANCELLED', 'PAYMENT_COMPLETED', actor, 1).allowed).toBe(false);
    for (const from of FROMS) for (const actor of ACTORS) expect(checkTransition(from, 'REFUND_COMPLETED', actor, 1).allowed).toBe(false);
  });
});
