// Column type helpers shared by every module's table types.
import type { ColumnType } from 'kysely';

/** A column the database fills (DEFAULT) that may still be written explicitly. */
export type Defaulted<T> = ColumnType<T, T | undefined, T>;
