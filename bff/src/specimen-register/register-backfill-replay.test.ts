/**
 * The specimen register migration's backfill on real histories: stamps accepted, reinstated and
 * offices closed and reopened through the console's own routes, which write the audit trail as
 * they did before the register existed. The rows only the register's code writes
 * (image_use_periods, office_deactivations) are then dropped, which leaves the data as on the old
 * schema, and the migration's backfill run: it must rebuild the whole history, every reinstatement
 * included, at the instants the acceptances and the trail keep (the trail is append-only).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundJobSchema, ImageVersionSchema } from '@ecoo/shared/images/schemas';
import { backfillOfficeDeactivations, backfillUsePeriods } from '../db/migrations/2026-12-01T1100-create-specimen-register-links.ts';
import { addAgency, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';
import { newOffice, uploadStamp, waitForJob } from '../testing/image-jobs.ts';
import { devPicture } from '../testing/pictures.ts';

let app: TestApp;
let admin: TestClient;

beforeAll(async () => {
  app = await startTestApp({ env: { IMAGE_WORKERS: '1' } });
  const agencyId = (await addAgency(app.db, { name: 'Backfill Replay Agency', emailDomains: ['replay.gov.in'] })).id;
  admin = (await signedInAs(app, 'agency-admin', agencyId)).client;
}, 60_000);
afterAll(async () => {
  await app?.stop();
});

async function acceptStamp(officeId: string): Promise<string> {
  const job = await waitForJob(admin, BackgroundJobSchema.parse(await (await uploadStamp(admin, officeId, devPicture('d009-round-scan'))).json()).id);
  const response = await admin.post(`/api/image-jobs/${job.id}/acceptance`, { method: job.chosenMethod, sensitivity: 50 });
  expect(response.status, await response.clone().text()).toBe(201);
  return ImageVersionSchema.parse(await response.json()).id;
}
async function reinstate(versionId: string) {
  expect((await admin.post(`/api/image-versions/${versionId}/reinstatement`)).status).toBe(200);
}

/** When the office's trail entries of an action were written, oldest first. */
const trailTimes = async (officeId: string, action: string) =>
  (await app.db.selectFrom('audit_entries').select('at').where('subject_id', '=', officeId).where('action', '=', action).orderBy('at').execute()).map((row) => row.at);
const acceptedAt = async (versionId: string) => (await app.db.selectFrom('image_versions').select('accepted_at').where('id', '=', versionId).executeTakeFirstOrThrow()).accepted_at;

describe('the specimen register migration, replaying real histories', () => {
  it('rebuilds "v1, v2, v1 reinstated, v3 accepted" and "v1 reinstated, then v2 reinstated" period by period, and office closures from the trail', async () => {
    // A: v1, v2, v1 reinstated, v3 accepted.
    const a = await newOffice(admin);
    const a1 = await acceptStamp(a);
    const a2 = await acceptStamp(a);
    await reinstate(a1);
    const a3 = await acceptStamp(a);
    // B: v1, v2, v1 reinstated, v2 reinstated.
    const b = await newOffice(admin);
    const b1 = await acceptStamp(b);
    const b2 = await acceptStamp(b);
    await reinstate(b1);
    await reinstate(b2);
    // C: v1, closed, reopened, closed again (still closed).
    const c = await newOffice(admin);
    const c1 = await acceptStamp(c);
    for (const isActive of [false, true, false]) expect((await admin.put(`/api/offices/${c}/status`, { isActive })).status).toBe(200);
    // What the running code wrote: the replay must find the same versions in the same order.
    const live = await app.db.selectFrom('image_use_periods').select(['subject_id', 'version_id', 'ended_at']).orderBy('began_at').execute();

    const [aAccepted, bAccepted] = [await Promise.all([a1, a2, a3].map(acceptedAt)), await Promise.all([b1, b2].map(acceptedAt))];
    const [aReinstated, bReinstated] = [await trailTimes(a, 'office.stamp-reinstated'), await trailTimes(b, 'office.stamp-reinstated')];
    const [closed, reopened] = [await trailTimes(c, 'office.deactivated'), await trailTimes(c, 'office.reactivated')];
    expect([aReinstated.length, bReinstated.length, closed.length, reopened.length]).toEqual([1, 2, 2, 1]);
    await app.db.deleteFrom('image_use_periods').execute();
    await app.db.deleteFrom('office_deactivations').execute();

    await backfillUsePeriods(app.db);
    await backfillOfficeDeactivations(app.db);

    const periods = await app.db.selectFrom('image_use_periods').select(['subject_id', 'version_id', 'began_at', 'ended_at']).orderBy('began_at').execute();
    const of = (subjectId: string) => periods.filter((row) => row.subject_id === subjectId).map((row) => [row.version_id, row.began_at, row.ended_at]);
    expect(of(a)).toEqual([
      [a1, aAccepted[0], aAccepted[1]],
      [a2, aAccepted[1], aReinstated[0]],
      [a1, aReinstated[0], aAccepted[2]],
      [a3, aAccepted[2], null],
    ]);
    expect(of(b)).toEqual([
      [b1, bAccepted[0], bAccepted[1]],
      [b2, bAccepted[1], bReinstated[0]],
      [b1, bReinstated[0], bReinstated[1]],
      [b2, bReinstated[1], null],
    ]);
    expect(of(c)).toEqual([[c1, await acceptedAt(c1), null]]);
    const sequence = (rows: Array<{ subject_id: string; version_id: string; ended_at: string | null }>, subjectId: string) =>
      rows.filter((row) => row.subject_id === subjectId).map((row) => [row.version_id, row.ended_at === null]);
    for (const subject of [a, b, c]) expect(sequence(periods, subject)).toEqual(sequence(live, subject));

    const closures = await app.db.selectFrom('office_deactivations').select(['office_id', 'deactivated_at', 'reactivated_at']).orderBy('deactivated_at').execute();
    expect(closures).toEqual([
      { office_id: c, deactivated_at: closed[0], reactivated_at: reopened[0] },
      { office_id: c, deactivated_at: closed[1], reactivated_at: null },
    ]);
  }, 120_000);
});
