// The one current-price rule, as other parts use it (cart add today, checkout next): a product's current price is
// its FCT_KOK_PRICE_INFO row with the largest KOK_PRICE_ID (CatalogRepo.latestPriceIds holds the SQL).
import type { CatalogRepo } from './catalog-repo.js';
import type { PriceRow } from './types.js';

export class KokPrices {
  constructor(private readonly catalog: CatalogRepo) {}

  /** The current price row of each product that has one (one query); products without a price are absent. */
  current(productIds: number[]): Promise<Map<number, PriceRow>> {
    return this.catalog.currentPrices([...new Set(productIds)]);
  }
}
