// Korean messages of the checkout flows (order spec §5.5, §5.13), keyed by code.
export const CHECKOUT_MESSAGES = {
  kokFailed: '주문 생성 중 오류가 발생했습니다. 잠시 후 다시 시도해주세요.',
  hsFailed: '주문 생성 중 오류가 발생했습니다.',
  noItems: '선택된 항목이 없습니다.',
  cartGone: '선택한 장바구니 항목이 존재하지 않거나 이미 삭제되었습니다. 장바구니를 다시 확인해주세요.',
  priceNotFound: '할인 가격 정보를 찾을 수 없습니다.',
  productNotFound: '선택한 상품의 정보를 찾을 수 없습니다. 상품이 삭제되었거나 가격 정보가 누락되었을 수 있습니다.',
  noValidLine: '주문할 수 있는 유효한 상품이 없습니다. 상품 정보를 확인해주세요.',
  kokOrdered: (count: number) => `${count}개의 상품이 주문되었습니다.`,
  hsProductNotFound: '상품을 찾을 수 없습니다.',
  hsOrdered: '주문이 성공적으로 생성되었습니다.',
  hsProductName: (id: number) => `상품_${id}`,
} as const;
