import { only } from '@ecoo/shared/http/endpoint';
import { paths } from '../../../config/paths';
import type { PageRoute } from '../../../lib/auth';

/** The DSC is the issuing officer's own; administrators see their officers' DSCs under User Management. */
const issuingOfficer = only('issuing-officer');

export const dscRoutes: PageRoute[] = [
  {
    path: paths.dashboard.dsc.path,
    handle: { access: issuingOfficer },
    lazy: () => import('./dsc-page').then((module) => ({ Component: module.DscPage })),
  },
];
