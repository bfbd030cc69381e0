// Versioned migrations, one folder per logical database, each tracked in its own migration table so that one
// physical database (embedded PGlite) can hold all four.
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { DbKind } from '../../config.js';
import type { Databases, Db, TableSets } from './connect.js';
import type { AnyKysely } from './ddl.js';

/** A migration step: receives the database and its dialect. Names sort in execution order. */
export interface Step {
  up(db: AnyKysely, kind: DbKind): Promise<void>;
}

export type StepSet = Record<string, Step>;

/** The application's steps for each logical database (src/migrations/index.ts); the runner knows none of them. */
export interface MigrationSets {
  auth: StepSet;
  service: StepSet;
  log: StepSet;
  rec: StepSet;
}

class StaticProvider implements MigrationProvider {
  constructor(private readonly steps: StepSet, private readonly kind: DbKind) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, step] of Object.entries(this.steps)) out[name] = { up: (db) => step.up(db, this.kind) };
    return out;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function migrateOne(name: string, db: Db<any>, steps: StepSet): Promise<string[]> {
  const migrator = new Migrator({
    db: db.kysely,
    provider: new StaticProvider(steps, db.kind),
    migrationTableName: `uhok_migrations_${name}`,
    migrationLockTableName: `uhok_migrations_${name}_lock`,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new Error(`migration of ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => `${name}/${r.migrationName}`);
}

/** Brings every logical database to the latest version; returns the steps that ran. */
export async function migrateAll<T extends TableSets>(dbs: Databases<T>, sets: MigrationSets): Promise<string[]> {
  const ran: string[] = [];
  ran.push(...(await migrateOne('auth', dbs.auth, sets.auth)));
  ran.push(...(await migrateOne('service', dbs.service, sets.service)));
  ran.push(...(await migrateOne('log', dbs.log, sets.log)));
  if (dbs.rec) ran.push(...(await migrateOne('rec', dbs.rec, sets.rec)));
  return ran;
}
