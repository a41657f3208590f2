import type { Router } from 'express';
import { auditApi } from '@ecoo/shared/audit/api';
import { requestLocale } from '../accounts/index.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { mount } from '../http/mount.ts';
import { auditCsv } from './csv.ts';
import { exportAuditTrail, listAuditTrail, type AuditDeps } from './service.ts';

/** Read only: the trail has no route that changes or removes an entry. */
export function auditRoutes(router: Router, deps: AuditDeps): void {
  mount(router, auditApi.listAuditEntries, async ({ actor, query }) => ({ status: 200, body: await listAuditTrail(deps, actor, query) }));
  mount(router, auditApi.exportAuditEntries, async ({ actor, query, req, res }) => {
    const entries = await exportAuditTrail(deps, actor, query);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', contentDisposition('attachment', `audit-trail-${new Date().toISOString().slice(0, 10)}.csv`));
    res.status(200).send(auditCsv(entries, requestLocale(req, actor)));
    return 'sent';
  });
}
