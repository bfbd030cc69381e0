// What a shopper has shown interest in: liked and carted products with their names (recommendation sources).
import type { CartRepo } from './cart-repo.js';
import type { CatalogRepo } from './catalog-repo.js';
import type { LikesRepo } from './likes-repo.js';

export interface ShopperInterest {
  likedIds: number[];
  cartIds: number[];
  /** Name of every liked or carted product that still exists (ids stay paired with their names). */
  names: Map<number, string | null>;
}

export class KokInterest {
  constructor(
    private readonly likes: LikesRepo,
    private readonly cart: CartRepo,
    private readonly catalog: CatalogRepo,
  ) {}

  /** The newest `limit` liked and `limit` carted products; three queries whatever their number. */
  async of(userId: number, limit: number): Promise<ShopperInterest> {
    const [liked, cartIds] = await Promise.all([this.likes.likedProducts(userId, limit), this.cart.productIds(userId, limit)]);
    const names = new Map(liked.map((p) => [p.KOK_PRODUCT_ID, p.KOK_PRODUCT_NAME]));
    const missing = cartIds.filter((id) => !names.has(id));
    for (const p of await this.catalog.summaries(missing)) names.set(p.KOK_PRODUCT_ID, p.KOK_PRODUCT_NAME);
    return { likedIds: liked.map((p) => p.KOK_PRODUCT_ID), cartIds, names };
  }
}
