import { only } from '@ecoo/shared/http/endpoint';
import { paths } from '../../../config/paths';
import type { PageRoute } from '../../../lib/auth';

export const specimensRoutes: PageRoute[] = [
  { path: paths.dashboard.specimens.path, handle: { access: only('agency-admin') }, lazy: () => import('./specimens-page').then((module) => ({ Component: module.SpecimensPage })) },
];
