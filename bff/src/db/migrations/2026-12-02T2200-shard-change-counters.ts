import type { Kysely } from 'kysely';
import { defineCounterFunction } from '../change-counters.ts';
import { isPostgres } from '../portable.ts';

/**
 * PostgreSQL: each connection raises its own row of a table's change counter (see
 * change-counters.ts), so writes to different rows of one table no longer refuse each other.
 * The rows already there keep counting: a table's version is the sum of its rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await defineCounterFunction(db);
}

// No down: the sharded function also serves the schema before this step, and the rows it adds
// stay in the sum.
