import type { Router } from 'express';
import { officersApi } from '@ecoo/shared/officers/api';
import { OfficerListSchema } from '@ecoo/shared/officers/schemas';
import { VersionedCache } from '../db/versioned-cache.ts';
import { mount } from '../http/mount.ts';
import {
  approveOfficer,
  deactivateOfficer,
  getOfficer,
  listOfficers,
  mapOfficerOffices,
  myOfficerProfile,
  officeChoices,
  officerCounts,
  officerHistory,
  reactivateOfficer,
  registrationOffices,
  rejectOfficer,
  type OfficersDeps,
} from './service.ts';

export function officersRoutes(router: Router, deps: OfficersDeps): void {
  mount(router, officersApi.listRegistrationOffices, async ({ params }) => ({ status: 200, body: await registrationOffices(deps, params.agencyId) }));
  // Administrators page and filter the same lists again and again; the JSON is kept until a table
  // the list reads changes (their change counters), so a repeat costs one small query.
  const listCache = new VersionedCache<string>(deps.db, ['users', 'officers', 'officer_offices', 'offices', 'image_versions', 'officer_dscs']);
  mount(router, officersApi.listOfficers, async ({ actor, query, res }) => {
    // The day is part of the key: a DSC's days left change with it, though no table does.
    const key = JSON.stringify([new Date().toISOString().slice(0, 10), actor.agencyId, query.status, query.officeId, query.q, query.page, query.pageSize]);
    const json = await listCache.get(key, async () => JSON.stringify(OfficerListSchema.parse(await listOfficers(deps, actor, query))));
    res.status(200).type('application/json').send(json);
    return 'sent';
  });
  // Before /api/officers/:userId, which would otherwise take "counts" for an id.
  mount(router, officersApi.listOfficerOfficeChoices, async ({ actor }) => ({ status: 200, body: await officeChoices(deps, actor) }));
  mount(router, officersApi.getOfficerCounts, async ({ actor }) => ({ status: 200, body: await officerCounts(deps, actor) }));
  mount(router, officersApi.getOfficer, async ({ actor, params }) => ({ status: 200, body: await getOfficer(deps, actor, params.userId) }));
  mount(router, officersApi.approveOfficer, async ({ actor, params }) => ({ status: 200, body: await approveOfficer(deps, actor, params.userId) }));
  mount(router, officersApi.rejectOfficer, async ({ actor, params, body }) => ({ status: 200, body: await rejectOfficer(deps, actor, params.userId, body.reason) }));
  mount(router, officersApi.mapOfficerOffices, async ({ actor, params, body }) => ({ status: 200, body: await mapOfficerOffices(deps, actor, params.userId, body.officeIds) }));
  mount(router, officersApi.deactivateOfficer, async ({ actor, params, body }) => ({ status: 200, body: await deactivateOfficer(deps, actor, params.userId, body) }));
  mount(router, officersApi.reactivateOfficer, async ({ actor, params }) => ({ status: 200, body: await reactivateOfficer(deps, actor, params.userId) }));
  mount(router, officersApi.getOfficerHistory, async ({ actor, params }) => ({ status: 200, body: { entries: await officerHistory(deps, actor, params.userId) } }));
  mount(router, officersApi.getMyOfficerProfile, async ({ actor }) => ({ status: 200, body: await myOfficerProfile(deps, actor) }));
}
