import type { Router } from 'express';
import { officesApi } from '@ecoo/shared/offices/api';
import { mount } from '../http/mount.ts';
import { dryRunOfficeImport, importFileMissing, importOffices } from './office-import.ts';
import { createOffice, getOffice, listOfficeAudit, listOffices, setOfficeActive, setOfficeEWallet, updateOffice, type OfficesDeps } from './service.ts';

export function officesRoutes(router: Router, deps: OfficesDeps): void {
  mount(router, officesApi.listOffices, async ({ actor, query }) => ({ status: 200, body: await listOffices(deps, actor, query) }));
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
  mount(router, officesApi.dryRunOfficeImport, async ({ actor, files }) => {
    if (!files.file) throw importFileMissing();
    return { status: 200, body: await dryRunOfficeImport(deps, actor, files.file.buffer) };
  });
  mount(router, officesApi.importOffices, async ({ actor, files }) => {
    if (!files.file) throw importFileMissing();
    return { status: 200, body: await importOffices(deps, actor, files.file.buffer) };
  });
  mount(router, officesApi.listOfficeAudit, async ({ actor, params, query }) => ({ status: 200, body: await listOfficeAudit(deps, actor, params.officeId, query) }));
}
