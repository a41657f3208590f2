import type { Router } from 'express';
import { agenciesApi } from '@ecoo/shared/agencies/api';
import type { Db } from '../db/connect.ts';
import { mount } from '../http/mount.ts';
import { createAgency, listAgencies, updateAgency } from './service.ts';

export function agenciesRoutes(router: Router, db: Db): void {
  mount(router, agenciesApi.listAgencies, async () => ({ status: 200, body: { agencies: await listAgencies(db) } }));
  mount(router, agenciesApi.createAgency, async ({ actor, body }) => ({ status: 201, body: await createAgency(db, actor, body) }));
  mount(router, agenciesApi.updateAgency, async ({ actor, params, body }) => ({
    status: 200,
    body: await updateAgency(db, actor, params.agencyId, body),
  }));
}
