import { only } from '@ecoo/shared/http/endpoint';
import { paths } from '../../../config/paths';
import { signedOutAccess, type PageRoute } from '../../../lib/auth';

const reviewer = only('dgft-reviewer');

export const registrationsRoutes: PageRoute[] = [
  {
    path: paths.register.path,
    handle: { access: signedOutAccess },
    lazy: () => import('./register-page').then((module) => ({ Component: module.RegisterPage })),
  },
  {
    path: paths.registerConfirm.path,
    handle: { access: signedOutAccess },
    lazy: () => import('./confirm-officer-request-page').then((module) => ({ Component: module.ConfirmOfficerRequestPage })),
  },
  {
    path: paths.review.registrations.path,
    handle: { access: reviewer },
    lazy: () => import('./registrations-page').then((module) => ({ Component: module.RegistrationsPage })),
  },
  {
    path: paths.review.registration.path,
    handle: { access: reviewer },
    lazy: () => import('./registration-page').then((module) => ({ Component: module.RegistrationPage })),
  },
];
