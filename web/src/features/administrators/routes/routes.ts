import { only } from '@ecoo/shared/http/endpoint';
import { paths } from '../../../config/paths';
import type { PageRoute } from '../../../lib/auth';

const reviewer = only('dgft-reviewer');

export const administratorsRoutes: PageRoute[] = [
  {
    path: paths.review.administrators.path,
    handle: { access: reviewer },
    lazy: () => import('./administrators-page').then((module) => ({ Component: module.AdministratorsPage })),
  },
];
