import { publicAccess } from '@ecoo/shared/http/endpoint';
import type { PageRoute } from '../../../lib/auth';
import { HomePage } from './home-page';

export const homeRoutes: PageRoute[] = [
  {
    index: true,
    handle: { access: publicAccess },
    // Eager, unlike every other page: it is where most first visits land, it weighs under 1 KB, and
    // a lazy chunk would cost a slow line one more round trip before anything but "Loading…" shows.
    Component: HomePage,
  },
];
