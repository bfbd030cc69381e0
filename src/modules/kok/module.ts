// Builds the KOK module from its database, the cache and the answers it needs from other modules, and mounts its
// routes.
import type { Cache } from '../../platform/cache/cache.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/connect.js';
import type { App } from '../../platform/http/server.js';
import { cacheRoutes } from './cache-routes.js';
import { CartRepo } from './cart-repo.js';
import { KokCartService, type RecipeExists } from './cart-service.js';
import { catalogRoutes } from './catalog-routes.js';
import { CatalogRepo } from './catalog-repo.js';
import { HistoryRepo } from './history-repo.js';
import { KokHistoryService } from './history-service.js';
import { KokHsCandidates } from './hs-candidates.js';
import { KokInterest } from './interest.js';
import { LikesRepo } from './likes-repo.js';
import { KokLikesService } from './likes-service.js';
import { KokListService, type OrderedPriceIds } from './list-service.js';
import { memberRoutes } from './member-routes.js';
import { KokPrices } from './prices.js';
import { KokProductService } from './product-service.js';
import type { KokTables } from './tables.js';

export interface KokServices {
  lists: KokListService;
  products: KokProductService;
  likes: KokLikesService;
  history: KokHistoryService;
  cart: KokCartService;
  /** The current-price rule (checkout prices its lines with it). */
  prices: KokPrices;
  interest: KokInterest;
  /** Name and thumbnail of each product, for order listings. */
  productFacts(ids: number[]): Promise<Map<number, { name: string | null; image: string | null }>>;
  /** What the home-shopping → KOK recommendation reads of the KOK catalogue. */
  hsCandidates: KokHsCandidates;
}

/** What the KOK module asks of other modules; services.ts wires each to its owner. */
export interface KokPorts {
  orderedPriceIds: OrderedPriceIds;
  recipeExists: RecipeExists;
}

export function createKokServices(db: Db<KokTables>, cache: Cache, clock: Clock, ports: KokPorts): KokServices {
  const catalog = new CatalogRepo(db);
  const likes = new LikesRepo(db);
  const cart = new CartRepo(db);
  const prices = new KokPrices(catalog);
  return {
    lists: new KokListService(catalog, cache, ports.orderedPriceIds),
    products: new KokProductService(catalog, likes, cache),
    likes: new KokLikesService(likes, catalog, clock),
    history: new KokHistoryService(new HistoryRepo(db), clock),
    cart: new KokCartService(cart, prices, ports.recipeExists, clock),
    prices,
    interest: new KokInterest(likes, cart, catalog),
    productFacts: async (ids) => new Map((await catalog.summaries(ids)).map((p) => [p.KOK_PRODUCT_ID, { name: p.KOK_PRODUCT_NAME, image: p.KOK_THUMBNAIL }])),
    hsCandidates: new KokHsCandidates(db, catalog, prices),
  };
}

export function kokRoutes(app: App, kok: KokServices): void {
  catalogRoutes(app, kok.lists, kok.products);
  memberRoutes(app, kok);
  cacheRoutes(app, kok.lists);
}
