import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { openTestDatabase, testDatabaseKind } from '../testing/test-database.ts';
import { throttleRegistration } from './submission-throttle.ts';

// Stop 21's CI refused the third of five parallel registrations with a limit of three: each
// attempt counted the attempts recorded after it, when their inserts ran before its count. Stop 29's
// CI took two of eight with a limit of one on PostgreSQL: ids are handed out in call order but rows
// become visible at commit, so each counted only itself (the second test forces that order).
let db: Db;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.destroy();
});

const outcome = (attempt: Promise<void>) =>
  attempt.then(
    () => 'taken',
    (err: { code?: string }) => err.code ?? 'thrown',
  );

describe('parallel attempts from one address', () => {
  it('are taken in arrival order up to the limit, however their statements interleave', async () => {
    for (const [parallel, limit] of [[12, 5], [30, 29], [8, 1]] as const) {
      await db.deleteFrom('registration_attempts').execute();
      const outcomes = await Promise.all(Array.from({ length: parallel }, () => outcome(throttleRegistration(db, '203.0.113.9', { perAddressPerHour: limit, perHour: 1000 }))));
      expect(outcomes.filter((taken) => taken === 'taken')).toHaveLength(limit);
      expect(new Set(outcomes.filter((refused) => refused !== 'taken'))).toEqual(new Set(['problem.registrationThrottled']));
    }
  });
  // The race made sure of: an attempt that took its id first commits last, after the others counted.
  it.runIf(testDatabaseKind === 'postgres')('are taken up to the limit when the first to take an id is the last to commit', async () => {
    await db.deleteFrom('registration_attempts').execute();
    await sql`create function slow_first_attempt() returns trigger language plpgsql as $$
      begin
        if new.address = '203.0.113.77' and not exists (select 1 from registration_attempts where address = new.address) then perform pg_sleep(0.3); end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger slow_first_attempt before insert on registration_attempts for each row execute function slow_first_attempt()`.execute(db);
    try {
      const outcomes = await Promise.all(Array.from({ length: 8 }, () => outcome(throttleRegistration(db, '203.0.113.77', { perAddressPerHour: 1, perHour: 1000 }))));
      expect(outcomes.filter((taken) => taken === 'taken')).toHaveLength(1);
    } finally {
      await sql`drop trigger slow_first_attempt on registration_attempts`.execute(db);
      await sql`drop function slow_first_attempt()`.execute(db);
    }
  });
  it('do not use up the overall share when refused at their own address', async () => {
    await db.deleteFrom('registration_attempts').execute();
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, n) => outcome(throttleRegistration(db, n < 6 ? '203.0.113.1' : `203.0.113.${n}`, { perAddressPerHour: 2, perHour: 6 }))));
    expect(outcomes.filter((taken) => taken === 'taken')).toHaveLength(6);
  });
});
