import { only } from '@ecoo/shared/http/endpoint';
import { paths } from '../../../config/paths';
import type { PageRoute } from '../../../lib/auth';

export const agenciesRoutes: PageRoute[] = [
  {
    path: paths.review.agencies.path,
    handle: { access: only('dgft-reviewer') },
    lazy: () => import('./agencies-page').then((module) => ({ Component: module.AgenciesPage })),
  },
];
