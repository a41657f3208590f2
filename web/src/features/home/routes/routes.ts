import { publicAccess } from '@ecoo/shared/http/endpoint';
import type { PageRoute } from '../../../lib/auth';

export const homeRoutes: PageRoute[] = [
  {
    index: true,
    handle: { access: publicAccess },
    lazy: () => import('./home-page').then((module) => ({ Component: module.HomePage })),
  },
];
