// Builds the KOK module from its dependencies and registers its routes.
import type { Cache } from '../../platform/cache/cache.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/connect.js';
import type { ServiceDB } from '../../platform/db/schema.js';
import type { Guard } from '../../platform/http/auth-guard.js';
import type { App } from '../../platform/http/server.js';
import type { EventLog } from '../log/events.js';
import { cacheRoutes } from './cache-routes.js';
import { CartRepo } from './cart-repo.js';
import { KokCartService } from './cart-service.js';
import { catalogRoutes } from './catalog-routes.js';
import { CatalogRepo } from './catalog-repo.js';
import { HistoryRepo } from './history-repo.js';
import { KokHistoryService } from './history-service.js';
import { HomeshoppingRepo } from './homeshopping-repo.js';
import { LikesRepo } from './likes-repo.js';
import { KokLikesService } from './likes-service.js';
import { KokListService } from './list-service.js';
import { memberRoutes } from './member-routes.js';
import { KokProductService } from './product-service.js';
import { KokRecommendService } from './recommend-service.js';

export interface KokServices {
  lists: KokListService;
  products: KokProductService;
  likes: KokLikesService;
  history: KokHistoryService;
  /** Also the entry point of the order service (cart → order). */
  cart: KokCartService;
  recommend: KokRecommendService;
}

export function createKokServices(db: Db<ServiceDB>, cache: Cache, clock: Clock): KokServices {
  const catalog = new CatalogRepo(db);
  const likes = new LikesRepo(db);
  const cart = new CartRepo(db);
  return {
    lists: new KokListService(catalog, cache),
    products: new KokProductService(catalog, likes, cache),
    likes: new KokLikesService(likes, catalog, clock),
    history: new KokHistoryService(new HistoryRepo(db), clock),
    cart: new KokCartService(cart, clock),
    recommend: new KokRecommendService(likes, cart, catalog, new HomeshoppingRepo(db), clock),
  };
}

export interface KokRouteDeps {
  events: EventLog;
  requireUser: Guard;
  optionalUser: Guard;
  serviceToken: string | null;
}

export function kokRoutes(app: App, kok: KokServices, deps: KokRouteDeps): void {
  catalogRoutes(app, kok.lists, kok.products, deps.events, deps.optionalUser);
  memberRoutes(app, kok, deps.events, deps.requireUser);
  cacheRoutes(app, kok.lists, deps.serviceToken);
}
