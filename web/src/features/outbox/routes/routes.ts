import { publicAccess } from '@ecoo/shared/http/endpoint';
import { paths } from '../../../config/paths';
import type { PageRoute } from '../../../lib/auth';

/** Public like its endpoint; the BFF answers 404 unless it keeps mail instead of sending it (development only). */
export const outboxRoutes: PageRoute[] = [
  {
    path: paths.outbox.path,
    handle: { access: publicAccess },
    lazy: () => import('./outbox-page').then((module) => ({ Component: module.OutboxPage })),
  },
];
