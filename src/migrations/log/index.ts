import type { StepSet } from '../../platform/db/migrate.js';
import { initial } from './001_initial.js';
import { deadLetter } from './002_dead_letter.js';

export const logMigrations: StepSet = { '001_initial': initial, '002_dead_letter': deadLetter };
