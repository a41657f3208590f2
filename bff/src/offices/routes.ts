import type { Router } from 'express';
import { officesApi } from '@ecoo/shared/offices/api';
import { mount } from '../http/mount.ts';
import { createOffice, getOffice, listOfficeAudit, listOffices, setOfficeActive, setOfficeEWallet, updateOffice, type OfficesDeps } from './service.ts';

export function officesRoutes(router: Router, deps: OfficesDeps): void {
  mount(router, officesApi.listOffices, async ({ actor, query }) => ({ status: 200, body: { offices: await listOffices(deps, actor, query) } }));
  mount(router, officesApi.createOffice, async ({ actor, body }) => ({ status: 201, body: await createOffice(deps, actor, body) }));
  mount(router, officesApi.getOffice, async ({ actor, params }) => ({ status: 200, body: await getOffice(deps, actor, params.officeId) }));
  mount(router, officesApi.updateOffice, async ({ actor, params, body }) => ({ status: 200, body: await updateOffice(deps, actor, params.officeId, body) }));
  mount(router, officesApi.setOfficeEWallet, async ({ actor, params, body }) => ({
    status: 200,
    body: await setOfficeEWallet(deps, actor, params.officeId, body.isEnabled),
  }));
  mount(router, officesApi.setOfficeActive, async ({ actor, params, body }) => ({
    status: 200,
    body: await setOfficeActive(deps, actor, params.officeId, body.isActive),
  }));
  mount(router, officesApi.listOfficeAudit, async ({ actor, params }) => ({ status: 200, body: { entries: await listOfficeAudit(deps, actor, params.officeId) } }));
}
