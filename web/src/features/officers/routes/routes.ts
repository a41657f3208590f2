import { only } from '@ecoo/shared/http/endpoint';
import { paths } from '../../../config/paths';
import type { PageRoute } from '../../../lib/auth';

/** Trade Notice 23/2024-25 §3.I.viii: My Dashboard → User Management, the agency administrator's. */
const agencyAdmin = only('agency-admin');

export const officersRoutes: PageRoute[] = [
  {
    path: paths.dashboard.users.path,
    handle: { access: agencyAdmin },
    lazy: () => import('./officers-page').then((module) => ({ Component: module.OfficersPage })),
  },
  {
    path: paths.dashboard.officer.path,
    handle: { access: agencyAdmin },
    lazy: () => import('./officer-page').then((module) => ({ Component: module.OfficerPage })),
  },
  {
    path: paths.dashboard.officerSignature.path,
    handle: { access: agencyAdmin },
    lazy: () => import('./officer-signature-page').then((module) => ({ Component: module.OfficerSignaturePage })),
  },
];
