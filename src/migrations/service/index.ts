import type { StepSet } from '../../platform/db/migrate.js';
import { homeshopping } from './001_homeshopping.js';
import { kok } from './002_kok.js';
import { orders } from './003_orders.js';
import { recipes } from './004_recipes.js';
import { referenceData } from './005_reference_data.js';
import { kokRatingIndex } from './006_kok_rating_index.js';
import { homeshoppingNotificationDedupe } from './007_homeshopping_notification_dedupe.js';
import { orderIdempotency } from './009_order_idempotency.js';
import { paymentTransactions } from './008_payment_transactions.js';

/** SERVICE_DB steps; keys sort in execution order. */
export const serviceMigrations: StepSet = {
  '001_homeshopping': homeshopping,
  '002_kok': kok,
  '003_orders': orders,
  '004_recipes': recipes,
  '005_reference_data': referenceData,
  '006_kok_rating_index': kokRatingIndex,
  '007_homeshopping_notification_dedupe': homeshoppingNotificationDedupe,
  '009_order_idempotency': orderIdempotency,
  '008_payment_transactions': paymentTransactions,
};
