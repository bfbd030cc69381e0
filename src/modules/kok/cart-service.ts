// The KOK cart: one line per (user, product), quantity 1..99, every line reachable only by its owner.
import type { Transaction } from 'kysely';
import type { Clock } from '../../platform/clock/clock.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { requireTouched } from '../../platform/http/guards.js';
import type { CartRepo, CheckoutCartLine } from './cart-repo.js';
import { KOK_MESSAGES as MSG } from './messages.js';
import type { KokPrices } from './prices.js';
import type { KokTables } from './tables.js';

export const MAX_CART_QUANTITY = 99;
/** Whether a recipe exists; the recipe module owns the answer (wired in services.ts). */
export type RecipeExists = (recipeId: number) => Promise<boolean>;

/** Insert/increment attempts when a concurrent delete and add keep racing. */
const ADD_ATTEMPTS = 3;

export interface CartAddResult {
  kok_cart_id: number;
  kok_quantity: number;
  recipe_id: number | null;
  message: string;
}

export class KokCartService {
  constructor(
    private readonly repo: CartRepo,
    private readonly prices: KokPrices,
    private readonly recipeExists: RecipeExists,
    private readonly clock: Clock,
  ) {}

  /**
   * Adds a line at the current price, or raises the existing line's quantity (capped at 99; its price snapshot and
   * recipe stay). Insert first and fall back to an atomic increment on the unique key, so concurrent adds of the
   * same product end as one line with the summed quantity.
   */
  async add(userId: number, productId: number, quantity: number, recipeId: number | null): Promise<CartAddResult> {
    const price = (await this.prices.current([productId])).get(productId);
    if (!price) throw new NotFoundError(MSG.priceNotFound);
    const priceId = price.KOK_PRICE_ID;
    // The client sends 0 for "not from a recipe"; an unknown recipe is dropped rather than failing the add.
    const recipe = recipeId && (await this.recipeExists(recipeId)) ? recipeId : null;
    for (let attempt = 1; ; attempt++) {
      try {
        const id = await this.repo.insert({ userId, productId, priceId, quantity, recipeId: recipe, at: this.clock.now() });
        return { kok_cart_id: id, kok_quantity: quantity, recipe_id: recipe, message: MSG.cartAdded };
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
      const line = await this.repo.increment(userId, productId, quantity, MAX_CART_QUANTITY);
      if (line) {
        return { kok_cart_id: line.id, kok_quantity: line.quantity, recipe_id: recipe, message: MSG.cartIncreased(line.quantity) };
      }
      // The line was deleted between the two statements: insert again.
      if (attempt >= ADD_ATTEMPTS) throw new Error('cart add kept racing with deletes');
    }
  }

  async lines(userId: number, limit: number) {
    const rows = await this.repo.lines(userId, limit);
    return rows.map((r) => ({
      kok_cart_id: r.KOK_CART_ID,
      kok_product_id: r.KOK_PRODUCT_ID,
      kok_price_id: r.KOK_PRICE_ID,
      recipe_id: r.RECIPE_ID,
      kok_product_name: r.KOK_PRODUCT_NAME,
      kok_thumbnail: r.KOK_THUMBNAIL,
      kok_product_price: r.KOK_PRODUCT_PRICE,
      kok_discount_rate: r.KOK_DISCOUNT_RATE,
      kok_discounted_price: r.KOK_DISCOUNTED_PRICE,
      kok_store_name: r.KOK_STORE_NAME,
      kok_quantity: r.KOK_QUANTITY,
    }));
  }

  /** Sets the quantity of the caller's line; a missing or foreign id is 404 and nothing is touched. */
  async setQuantity(userId: number, cartId: number, quantity: number): Promise<void> {
    requireTouched(await this.repo.setQuantity(userId, cartId, quantity), MSG.cartLineNotFound);
  }

  async remove(userId: number, cartId: number): Promise<void> {
    requireTouched(await this.repo.remove(userId, cartId), MSG.cartLineNotFound);
  }

  /** The checkout's claim: locks the requested lines and answers the caller's (see CartRepo.linesForCheckout). */
  linesForCheckout(userId: number, cartIds: number[], trx: Transaction<KokTables>): Promise<CheckoutCartLine[]> {
    return this.repo.linesForCheckout(userId, cartIds, trx);
  }

  /** Deletes the caller's checked-out lines in the checkout's transaction. */
  removeLines(userId: number, cartIds: number[], trx: Transaction<KokTables>): Promise<number> {
    return this.repo.removeLines(userId, cartIds, trx);
  }
}
