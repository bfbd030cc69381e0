// Every logical database as the sum of the tables its modules own. Only the composition level (context, seed,
// import, tests, bench) sees a whole database; a module's repositories are typed on that module's tables alone.
import type { HomeshoppingTables } from './modules/homeshopping/tables.js';
import type { KokTables } from './modules/kok/tables.js';
import type { LogTables } from './modules/log/tables.js';
import type { OrderTables } from './modules/order/tables.js';
import type { PaymentTables } from './modules/payment/tables.js';
import type { RecipeTables } from './modules/recipe/tables.js';
import type { RecommendTables } from './modules/recipe/vector-tables.js';
import type { UserTables } from './modules/user/tables.js';

export type AuthDatabase = UserTables;
export type ServiceDatabase = HomeshoppingTables & KokTables & OrderTables & PaymentTables & RecipeTables;
export type LogDatabase = LogTables;
export type RecDatabase = RecommendTables;

export interface AppTables {
  auth: AuthDatabase;
  service: ServiceDatabase;
  log: LogDatabase;
  rec: RecDatabase;
}
