import type { StepSet } from '../../platform/db/migrate.js';
import { initial } from './001_initial.js';

export const recMigrations: StepSet = { '001_initial': initial };
