import { only } from '@ecoo/shared/http/endpoint';
import { paths } from '../../../config/paths';
import type { PageRoute } from '../../../lib/auth';

export const readinessRoutes: PageRoute[] = [
  {
    path: paths.review.readiness.path,
    handle: { access: only('dgft-reviewer') },
    lazy: () => import('./readiness-page').then((module) => ({ Component: module.ReadinessPage })),
  },
];
