import { only } from '@ecoo/shared/http/endpoint';
import { paths } from '../../../config/paths';
import type { PageRoute } from '../../../lib/auth';
import type { MessageKey } from '../../../lib/i18n';

const agencyStaff = only('agency-admin', 'issuing-officer');
const agencyAdmin = only('agency-admin');
const issuingOfficer = only('issuing-officer');

export interface DashboardSection {
  path: string;
  href: string;
  label: MessageKey;
  description: MessageKey;
  access: ReturnType<typeof only>;
}

/**
 * The sections of My Dashboard (Trade Notice 23/2024-25 §3.I.ii–iv). Offices and users are the
 * administrator's; the issuing officer registers the DSC that signs their certificates (the
 * administrator sees it, and those about to expire, under User Management and on My Dashboard).
 */
export const dashboardSections: DashboardSection[] = [
  {
    path: paths.dashboard.offices.path,
    href: paths.dashboard.offices.getHref(),
    label: 'nav.officeManagement',
    description: 'dashboard.section.offices',
    access: agencyAdmin,
  },
  {
    path: paths.dashboard.users.path,
    href: paths.dashboard.users.getHref(),
    label: 'nav.userManagement',
    description: 'dashboard.section.users',
    access: agencyAdmin,
  },
  {
    path: paths.dashboard.audit.path,
    href: paths.dashboard.audit.getHref(),
    label: 'nav.audit',
    description: 'dashboard.section.audit',
    access: agencyAdmin,
  },
  {
    path: paths.dashboard.specimens.path,
    href: paths.dashboard.specimens.getHref(),
    label: 'nav.specimens',
    description: 'dashboard.section.specimens',
    access: agencyAdmin,
  },
  {
    path: paths.dashboard.specimenRegister.path,
    href: paths.dashboard.specimenRegister.getHref(),
    label: 'nav.specimenRegister',
    description: 'dashboard.section.specimenRegister',
    access: agencyAdmin,
  },
  {
    path: paths.dashboard.dsc.path,
    href: paths.dashboard.dsc.getHref(),
    label: 'nav.registerDsc',
    description: 'dashboard.section.dsc',
    access: issuingOfficer,
  },
];

/** Each section's feature brings its own pages; My Dashboard itself is the one page here. */
export const dashboardRoutes: PageRoute[] = [
  {
    path: paths.dashboard.home.path,
    handle: { access: agencyStaff },
    lazy: () => import('./dashboard-page').then((module) => ({ Component: module.DashboardPage })),
  },
];
