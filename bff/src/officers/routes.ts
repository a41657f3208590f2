import type { Router } from 'express';
import { officersApi } from '@ecoo/shared/officers/api';
import { mount } from '../http/mount.ts';
import {
  approveOfficer,
  deactivateOfficer,
  getOfficer,
  listOfficers,
  mapOfficerOffices,
  myOfficerProfile,
  officerCounts,
  officerHistory,
  reactivateOfficer,
  registrationOffices,
  rejectOfficer,
  type OfficersDeps,
} from './service.ts';

export function officersRoutes(router: Router, deps: OfficersDeps): void {
  mount(router, officersApi.listRegistrationOffices, async ({ params }) => ({ status: 200, body: await registrationOffices(deps, params.agencyId) }));
  mount(router, officersApi.listOfficers, async ({ actor, query }) => ({ status: 200, body: await listOfficers(deps, actor, query) }));
  // Before /api/officers/:userId, which would otherwise take "counts" for an id.
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
