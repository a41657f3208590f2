import { only, publicAccess } from '@ecoo/shared/http/endpoint';
import { paths } from '../../../config/paths';
import type { PageRoute } from '../../../lib/auth';

/**
 * The administrator's link page under My Dashboard, and the register itself, open to anyone with
 * the link (customs are never signed in; an administrator checking it may be).
 */
export const specimenRegisterRoutes: PageRoute[] = [
  {
    path: paths.dashboard.specimenRegister.path,
    handle: { access: only('agency-admin') },
    lazy: () => import('./register-link-page').then((module) => ({ Component: module.RegisterLinkPage })),
  },
  {
    path: paths.specimenRegister.path,
    handle: { access: publicAccess },
    lazy: () => import('./specimen-register-page').then((module) => ({ Component: module.SpecimenRegisterPage })),
  },
];
