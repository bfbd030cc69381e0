// The two kinds of order line and the tables each lives in: KOK lines and home-shopping lines share one shape of
// status history (spec §2.3, §2.5), so the status code is written once for both.
export type LineKind = 'kok' | 'hs';

export interface LineTables {
  lines: 'KOK_ORDERS' | 'HOMESHOPPING_ORDERS';
  id: 'KOK_ORDER_ID' | 'HOMESHOPPING_ORDER_ID';
  history: 'KOK_ORDER_STATUS_HISTORY' | 'HOMESHOPPING_ORDER_STATUS_HISTORY';
}

export const LINE_TABLES: Record<LineKind, LineTables> = {
  kok: { lines: 'KOK_ORDERS', id: 'KOK_ORDER_ID', history: 'KOK_ORDER_STATUS_HISTORY' },
  hs: { lines: 'HOMESHOPPING_ORDERS', id: 'HOMESHOPPING_ORDER_ID', history: 'HOMESHOPPING_ORDER_STATUS_HISTORY' },
};

export interface LineRef {
  kind: LineKind;
  id: number;
}
