// The column types every table file shares: kept apart from db/database.ts, which gathers the
// tables, so that a table file never imports the schema that imports it.
import type { ColumnType } from 'kysely';

/** A `date` column: kept as the ISO string "2026-06-28" so time zones never shift a day of service. */
export type IsoDate = string;
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type CreatedAt = ColumnType<Date, never, never>;
