import { publicAccess } from '@ecoo/shared/http/endpoint';
import { paths } from '../../../config/paths';
import { signedOutAccess, type PageRoute } from '../../../lib/auth';

export const accountsRoutes: PageRoute[] = [
  {
    path: paths.signIn.path,
    handle: { access: signedOutAccess },
    lazy: () => import('./sign-in-page').then((module) => ({ Component: module.SignInPage })),
  },
  {
    path: paths.forgotPassword.path,
    handle: { access: publicAccess },
    lazy: () => import('./forgot-password-page').then((module) => ({ Component: module.ForgotPasswordPage })),
  },
  {
    path: paths.setPassword.path,
    handle: { access: publicAccess },
    lazy: () => import('./set-password-page').then((module) => ({ Component: module.SetPasswordPage })),
  },
];
