import type { Router } from 'express';
import { administratorsApi } from '@ecoo/shared/administrators/api';
import { mount } from '../http/mount.ts';
import { deactivateAdministrator, listAdministrators, reactivateAdministrator, type AdministratorsDeps } from './service.ts';

export function administratorsRoutes(router: Router, deps: AdministratorsDeps): void {
  mount(router, administratorsApi.listAdministrators, async ({ query }) => ({ status: 200, body: await listAdministrators(deps, query) }));
  mount(router, administratorsApi.deactivateAdministrator, async ({ actor, params, body }) => ({ status: 200, body: await deactivateAdministrator(deps, actor, params.userId, body) }));
  mount(router, administratorsApi.reactivateAdministrator, async ({ actor, params }) => ({ status: 200, body: await reactivateAdministrator(deps, actor, params.userId) }));
}
