import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/connect.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { throttleRegistration } from './submission-throttle.ts';

// Stop 21's CI refused the third of five parallel registrations with a limit of three: each
// attempt counted the attempts recorded after it, when their inserts ran before its count.
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
  it('do not use up the overall share when refused at their own address', async () => {
    await db.deleteFrom('registration_attempts').execute();
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, n) => outcome(throttleRegistration(db, n < 6 ? '203.0.113.1' : `203.0.113.${n}`, { perAddressPerHour: 2, perHour: 6 }))));
    expect(outcomes.filter((taken) => taken === 'taken')).toHaveLength(6);
  });
});
