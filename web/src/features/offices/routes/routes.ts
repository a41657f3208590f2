import { only } from '@ecoo/shared/http/endpoint';
import { paths } from '../../../config/paths';
import type { PageRoute } from '../../../lib/auth';

/** Trade Notice 23/2024-25 §3.I.ii: My Dashboard → Office Management, the agency administrator's. */
const agencyAdmin = only('agency-admin');

export const officesRoutes: PageRoute[] = [
  {
    path: paths.dashboard.offices.path,
    handle: { access: agencyAdmin },
    lazy: () => import('./offices-page').then((module) => ({ Component: module.OfficesPage })),
  },
  {
    path: paths.dashboard.newOffice.path,
    handle: { access: agencyAdmin },
    lazy: () => import('./new-office-page').then((module) => ({ Component: module.NewOfficePage })),
  },
  {
    path: paths.dashboard.importOffices.path,
    handle: { access: agencyAdmin },
    lazy: () => import('./import-offices-page').then((module) => ({ Component: module.ImportOfficesPage })),
  },
  {
    path: paths.dashboard.office.path,
    handle: { access: agencyAdmin },
    lazy: () => import('./office-page').then((module) => ({ Component: module.OfficePage })),
  },
  {
    path: paths.dashboard.officeStamp.path,
    handle: { access: agencyAdmin },
    lazy: () => import('./office-stamp-page').then((module) => ({ Component: module.OfficeStampPage })),
  },
  {
    path: paths.dashboard.editOffice.path,
    handle: { access: agencyAdmin },
    lazy: () => import('./edit-office-page').then((module) => ({ Component: module.EditOfficePage })),
  },
];
