import { publicAccess } from '@ecoo/shared/http/endpoint';
import { helpPaths } from '../../../components/ui/page-heading';
import type { PageRoute } from '../../../lib/auth';
import type { ContentPage } from '../content';

const contentPages: ContentPage[] = ['administrator', 'officer', 'reviewer', 'faq'];

/** Help is public (Trade Notice 23/2024-25 §7): someone who cannot sign in needs it most. */
export const helpRoutes: PageRoute[] = [
  {
    path: helpPaths.index,
    handle: { access: publicAccess },
    lazy: () => import('./help-page').then((module) => ({ Component: module.HelpPage })),
  },
  ...contentPages.map((page) => ({
    path: helpPaths[page],
    handle: { access: publicAccess },
    lazy: () => import('./guide-page').then((module) => ({ Component: module.guidePages[page] })),
  })),
];
