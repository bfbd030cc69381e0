// Builds the home-shopping module from its database, the cache and the clock, and mounts its routes.
import type { Transaction } from 'kysely';
import type { Cache } from '../../platform/cache/cache.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/connect.js';
import type { App } from '../../platform/http/server.js';
import { HomeshoppingCatalogRepo, type HsOrderFacts } from './catalog-repo.js';
import { catalogRoutes } from './catalog-routes.js';
import { HomeshoppingCatalogService } from './catalog-service.js';
import { HsHistoryRepo } from './history-repo.js';
import { HsHistoryService } from './history-service.js';
import { HsLikesRepo } from './likes-repo.js';
import { likesRoutes } from './likes-routes.js';
import { HsLikesService } from './likes-service.js';
import { livePageRoutes } from './live-page-routes.js';
import { memberRoutes } from './member-routes.js';
import { HsNotificationRepo, type OrderStatusNotice } from './notification-repo.js';
import { notificationRoutes } from './notification-routes.js';
import { HsNotificationService } from './notification-service.js';
import { ProductRepo } from './product-repo.js';
import { HsProductService } from './product-service.js';
import { HsBroadcastReminders } from './reminders.js';
import { ScheduleRepo } from './schedule-repo.js';
import { HsScheduleService } from './schedule-service.js';
import type { HomeshoppingTables } from './tables.js';

export interface HomeshoppingServices {
  /** The catalogue as the cross-module flows read it. */
  catalog: HomeshoppingCatalogService;
  schedule: HsScheduleService;
  products: HsProductService;
  history: HsHistoryService;
  likes: HsLikesService;
  notifications: HsNotificationService;
  /** The scheduled job's work (services.ts schedules it). */
  reminders: HsBroadcastReminders;
  /** Writes an order-status notice in the caller's transaction (the order module's port, wired in services.ts). */
  notifyOrderStatus(notice: OrderStatusNotice, trx: Transaction<HomeshoppingTables>): Promise<void>;
  /** Prices and name of a product being ordered (the home-shopping order flow); undefined when it is unknown. */
  orderFacts(productId: number): Promise<HsOrderFacts | undefined>;
}

export function createHomeshoppingServices(db: Db<HomeshoppingTables>, cache: Cache, clock: Clock): HomeshoppingServices {
  const catalog = new HomeshoppingCatalogRepo(db);
  const likes = new HsLikesRepo(db);
  const notifications = new HsNotificationRepo(db);
  return {
    catalog: new HomeshoppingCatalogService(catalog),
    schedule: new HsScheduleService(new ScheduleRepo(db), cache, clock),
    products: new HsProductService(new ProductRepo(db), catalog, cache),
    history: new HsHistoryService(new HsHistoryRepo(db), clock),
    likes: new HsLikesService(likes, notifications, clock),
    notifications: new HsNotificationService(notifications, clock),
    reminders: new HsBroadcastReminders(likes, notifications),
    notifyOrderStatus: (notice, trx) => notifications.insertOrderStatus(notice, trx),
    orderFacts: (productId) => catalog.orderFacts(productId),
  };
}

export function homeshoppingRoutes(app: App, homeshopping: HomeshoppingServices): void {
  catalogRoutes(app, homeshopping.schedule, homeshopping.products);
  livePageRoutes(app, homeshopping.schedule, homeshopping.products);
  memberRoutes(app, homeshopping.history);
  likesRoutes(app, homeshopping.likes);
  notificationRoutes(app, homeshopping.notifications);
}
