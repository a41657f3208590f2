import { only } from '@ecoo/shared/http/endpoint';
import { paths } from '../../../config/paths';
import type { PageRoute } from '../../../lib/auth';

const page = () => import('./audit-page').then((module) => ({ Component: module.AuditPage }));

/** One page at two addresses: under My Dashboard for the administrator, under review for DGFT. The BFF scopes the entries by role. */
export const auditRoutes: PageRoute[] = [
  { path: paths.dashboard.audit.path, handle: { access: only('agency-admin') }, lazy: page },
  { path: paths.review.audit.path, handle: { access: only('dgft-reviewer') }, lazy: page },
];
