// Every logical database's migration steps, handed to the runner (platform/db/migrate.ts).
import type { MigrationSets } from '../platform/db/migrate.js';
import { authMigrations } from './auth/index.js';
import { logMigrations } from './log/index.js';
import { recMigrations } from './rec/index.js';
import { serviceMigrations } from './service/index.js';

export const migrations: MigrationSets = { auth: authMigrations, service: serviceMigrations, log: logMigrations, rec: recMigrations };
