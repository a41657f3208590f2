import type { Kysely } from 'kysely';
import { unwatchTables, watchTables } from '../change-counters.ts';

/** User Management's list is cached like the reviewers' registrations list: these are the tables it reads. */
const tables = ['users', 'officers', 'officer_offices', 'offices', 'image_versions'] as const;

export const up = (db: Kysely<any>) => watchTables(db, tables);
export const down = (db: Kysely<any>) => unwatchTables(db, tables);
