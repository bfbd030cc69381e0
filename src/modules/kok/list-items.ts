// Row → KokListItem mapping shared by the lists, search and likes.
import type { KokListItem, PriceRow, ProductSummaryRow } from './types.js';

/** The price block as shown by the ranked lists: rate or 0, discounted price or the list price (api spec §4.4). */
export function shownPrice(product: ProductSummaryRow, price: PriceRow | undefined) {
  return {
    kok_discount_rate: price?.KOK_DISCOUNT_RATE ?? 0,
    kok_discounted_price: price?.KOK_DISCOUNTED_PRICE || product.KOK_PRODUCT_PRICE,
  };
}

export function listItem(product: ProductSummaryRow, price: Pick<KokListItem, 'kok_discount_rate' | 'kok_discounted_price'>): KokListItem {
  return {
    kok_product_id: product.KOK_PRODUCT_ID,
    kok_thumbnail: product.KOK_THUMBNAIL,
    kok_product_image: product.KOK_THUMBNAIL,
    kok_discount_rate: price.kok_discount_rate,
    kok_discounted_price: price.kok_discounted_price,
    kok_product_name: product.KOK_PRODUCT_NAME,
    kok_store_name: product.KOK_STORE_NAME,
    kok_review_cnt: product.KOK_REVIEW_CNT,
    kok_review_score: product.KOK_REVIEW_SCORE,
  };
}

/** Attaches each product's current price; products that lost their price rows are dropped. */
export function withCurrentPrices(products: ProductSummaryRow[], prices: Map<number, PriceRow>): KokListItem[] {
  return products.filter((p) => prices.has(p.KOK_PRODUCT_ID)).map((p) => listItem(p, shownPrice(p, prices.get(p.KOK_PRODUCT_ID))));
}
