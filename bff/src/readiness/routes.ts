import type { Router } from 'express';
import { readinessApi } from '@ecoo/shared/readiness/api';
import { requestLocale } from '../accounts/index.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { mount } from '../http/mount.ts';
import { readinessCsv } from './csv.ts';
import { filteredReadiness, getMyReadiness, listReadiness, type ReadinessDeps } from './service.ts';

export function readinessRoutes(router: Router, deps: ReadinessDeps): void {
  mount(router, readinessApi.getMyReadiness, async ({ actor, query }) => ({ status: 200, body: await getMyReadiness(deps, actor, query) }));
  mount(router, readinessApi.listReadiness, async ({ query }) => ({ status: 200, body: await listReadiness(deps, query) }));
  mount(router, readinessApi.exportReadiness, async ({ actor, query, req, res }) => {
    const { rows } = await filteredReadiness(deps, query);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', contentDisposition('attachment', `go-live-readiness-${new Date().toISOString().slice(0, 10)}.csv`));
    res.status(200).send(readinessCsv(rows, requestLocale(req, actor)));
    return 'sent';
  });
}
