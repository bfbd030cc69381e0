// Likes (찜): toggle and the liked-products list.
import type { Clock } from '../../platform/clock/clock.js';
import { NotFoundError } from '../../platform/http/errors.js';
import type { CatalogRepo } from './catalog-repo.js';
import type { LikesRepo } from './likes-repo.js';
import { KOK_MESSAGES as MSG } from './messages.js';

export class KokLikesService {
  constructor(
    private readonly likes: LikesRepo,
    private readonly catalog: CatalogRepo,
    private readonly clock: Clock,
  ) {}

  /**
   * Delete-or-insert under the product row's lock: toggles of one product run one after another on every engine, so
   * concurrent toggles alternate (liked, unliked, …) instead of answering "liked" several times for one row. A like of
   * a product that has left the catalogue can still be removed. No cached list carries like state: nothing to clear.
   */
  async toggle(userId: number, productId: number): Promise<boolean> {
    return this.likes.inTransaction(async (trx) => {
      const exists = await this.likes.lockProduct(productId, trx);
      if ((await this.likes.remove(userId, productId, trx)) > 0) return false;
      if (!exists) throw new NotFoundError(MSG.productNotFound);
      await this.likes.add(userId, productId, this.clock.now(), trx);
      return true;
    });
  }

  /** Newest like first, current price attached (two queries, whatever the limit). */
  async list(userId: number, limit: number) {
    const products = await this.likes.likedProducts(userId, limit);
    const prices = await this.catalog.currentPrices(products.map((p) => p.KOK_PRODUCT_ID));
    return products.map((p) => {
      const price = prices.get(p.KOK_PRODUCT_ID);
      return {
        kok_product_id: p.KOK_PRODUCT_ID,
        kok_product_name: p.KOK_PRODUCT_NAME,
        kok_thumbnail: p.KOK_THUMBNAIL,
        kok_product_price: p.KOK_PRODUCT_PRICE,
        kok_discount_rate: price ? price.KOK_DISCOUNT_RATE : 0,
        kok_discounted_price: price ? price.KOK_DISCOUNTED_PRICE : p.KOK_PRODUCT_PRICE,
        kok_store_name: p.KOK_STORE_NAME,
      };
    });
  }
}
