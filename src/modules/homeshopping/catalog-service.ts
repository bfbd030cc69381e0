// The home-shopping catalogue as other parts read it (the KOK ↔ home-shopping recommendations).
import type { BroadcastRow, HomeshoppingCatalogRepo, HsProductRow } from './catalog-repo.js';

export class HomeshoppingCatalogService {
  constructor(private readonly repo: HomeshoppingCatalogRepo) {}

  /** Food products whose classified name contains any needle (case-insensitive), cheapest first, at most `cap`. */
  foodProductsMatching(needles: string[], cap: number): Promise<HsProductRow[]> {
    return this.repo.foodProductsMatching(needles, cap);
  }

  /** The product's name from its earliest broadcast; undefined when it never aired (null when the name is NULL). */
  earliestName(productId: number): Promise<string | null | undefined> {
    return this.repo.earliestName(productId);
  }

  /** Name and picture of each product, for order listings. */
  productFacts(productIds: number[]) {
    return this.repo.productFacts(productIds);
  }

  /** Every broadcast slot of the products, in air order. */
  broadcasts(productIds: number[]): Promise<BroadcastRow[]> {
    return this.repo.broadcasts(productIds);
  }
}
