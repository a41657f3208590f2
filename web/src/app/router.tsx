import type { QueryClient } from '@tanstack/react-query';
import { data, redirect, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { paths, safeNextPath, startPageFor } from '../config/paths';
import { getSessionQueryOptions, isAllowed, type PageAccess, type PageRoute } from '../lib/auth';
import { getHealthQueryOptions } from '../lib/health';
import { Loading } from '../components/ui/loading';
import { accountsRoutes } from '../features/accounts/routes/routes';
import { agenciesRoutes } from '../features/agencies/routes/routes';
import { dashboardRoutes } from '../features/dashboard/routes/routes';
import { dscRoutes } from '../features/dsc/routes/routes';
import { helpRoutes } from '../features/help/routes/routes';
import { homeRoutes } from '../features/home/routes/routes';
import { officesRoutes } from '../features/offices/routes/routes';
import { officersRoutes } from '../features/officers/routes/routes';
import { administratorsRoutes } from '../features/administrators/routes/routes';
import { outboxRoutes } from '../features/outbox/routes/routes';
import { readinessRoutes } from '../features/readiness/routes/routes';
import { auditRoutes } from '../features/audit/routes/routes';
import { specimensRoutes } from '../features/specimens/routes/routes';
import { specimenRegisterRoutes } from '../features/specimen-register/routes/routes';
import { registrationsRoutes } from '../features/registrations/routes/routes';
import { Layout } from './shell/layout';
import { ErrorPage, StandaloneErrorPage } from './routes/error-page';
import { NotFoundPage } from './routes/not-found-page';

/**
 * Hides pages from those who may not use them. The BFF refuses their requests anyway; this only
 * spares people a page that would fail: signed out → sign in and come back, wrong role → 403 page,
 * signed in on a signed-out page (sign-in, register) → their start page.
 */
function guard(queryClient: QueryClient, access: PageAccess) {
  return async ({ request }: LoaderFunctionArgs) => {
    const { user } = await queryClient.ensureQueryData(getSessionQueryOptions());
    if (isAllowed(access, user)) return null;
    const url = new URL(request.url);
    if (access.kind === 'signed-out' && user) throw redirect(safeNextPath(url.searchParams.get('next')) ?? startPageFor(user.role));
    if (!user) throw redirect(paths.signIn.getHref(url.pathname + url.search));
    throw data(null, { status: 403 });
  };
}

/** Joins the features' page lists under the shell; main.tsx and the tests build their routers from this. */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  const pages: PageRoute[] = [...homeRoutes, ...accountsRoutes, ...registrationsRoutes, ...agenciesRoutes, ...administratorsRoutes, ...readinessRoutes, ...auditRoutes, ...specimensRoutes, ...specimenRegisterRoutes, ...dashboardRoutes, ...dscRoutes, ...officesRoutes, ...officersRoutes, ...outboxRoutes, ...helpRoutes];
  return [
    {
      id: 'root',
      path: paths.home.path,
      element: <Layout />,
      errorElement: <StandaloneErrorPage />,
      hydrateFallbackElement: <Loading />,
      // The health answer (demo data, kept mail) is read beside the session, so the demo banner and
      // the outbox link are there at the first paint instead of pushing the page down after it (a
      // layout shift). A failed health read is only a missing banner: prefetchQuery never throws.
      loader: async () => {
        await Promise.all([queryClient.ensureQueryData(getSessionQueryOptions()), queryClient.prefetchQuery(getHealthQueryOptions())]);
        return null;
      },
      children: [
        {
          errorElement: <ErrorPage />,
          children: [...pages.map((page) => ({ ...page, loader: guard(queryClient, page.handle.access) }) as RouteObject), { path: '*', element: <NotFoundPage /> }],
        },
      ],
    },
  ];
}
