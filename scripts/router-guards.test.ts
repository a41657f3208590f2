// @vitest-environment jsdom
import fs from 'node:fs';
import path from 'node:path';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Every page of the SPA but the home page is a lazy route (its component loads on navigation), and the guard in
// web/src/app/router.tsx needs the page's `handle.access` before anything loads: it is the route's
// loader, which runs in parallel with the page's import(). These tests read the router that
// createRoutes builds with every page module replaced by a tripwire, so a page whose access moved
// into its lazy import (or was dropped) fails here, and so does one that loads to be judged.

// Kept to what the tests use, so this program (tsc -p e2e, no JSX) does not compile the SPA.
interface RouteLike {
  id?: string;
  path?: string;
  index?: boolean;
  handle?: { access?: { kind?: string; roles?: readonly string[] } };
  loader?: unknown;
  lazy?: unknown;
  children?: RouteLike[];
}
type CreateRoutes = (queryClient: QueryClient) => RouteLike[];

const webSrc = path.resolve(import.meta.dirname, '../web/src');
const routerModule = path.join(webSrc, 'app/router.tsx');
const pageModules = fs
  .readdirSync(path.join(webSrc, 'features'))
  .flatMap((feature) => {
    const folder = path.join(webSrc, 'features', feature, 'routes');
    return fs.existsSync(folder) ? fs.readdirSync(folder).map((file) => path.join(folder, file)) : [];
  })
  .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && path.basename(file) !== 'routes.ts' && path.basename(file) !== 'routes.tsx')
  // The one eager page: the home page, where most first visits land (a lazy chunk cost a slow line a
  // round trip). It is public, and its guard is still checked below like every other page's.
  .filter((file) => path.relative(webSrc, file) !== path.join('features', 'home', 'routes', 'home-page.tsx'));

const accessKinds = ['public', 'signed-out', 'signed-in'];

/** What is wrong with each page route of the tree, judged from the route objects alone; empty when all are guarded. */
export function unguardedPages(routes: RouteLike[], trail = ''): string[] {
  return routes.flatMap((route) => {
    const name = `${trail}/${route.index ? '(index)' : (route.path ?? route.id ?? '(layout)')}`.replace(/\/+/g, '/');
    const own: string[] = [];
    const isPage = route.lazy !== undefined || (route.handle !== undefined && route.children === undefined);
    if (isPage) {
      const access = route.handle?.access;
      if (!access || !accessKinds.includes(access.kind ?? '')) own.push(`${name}: no handle.access before it loads`);
      else if (access.kind === 'signed-in' && !(access.roles && access.roles.length > 0)) own.push(`${name}: signed-in access names no role`);
      if (typeof route.loader !== 'function') own.push(`${name}: no guard (loader)`);
    }
    return [...own, ...unguardedPages(route.children ?? [], route.path ? `${trail}/${route.path}` : trail)];
  });
}

function pageRoutes(routes: RouteLike[]): RouteLike[] {
  return routes.flatMap((route) => [...(route.lazy !== undefined ? [route] : []), ...pageRoutes(route.children ?? [])]);
}

describe('the SPA router guards every lazy page before loading it', () => {
  const loaded: string[] = [];

  beforeEach(() => {
    vi.resetModules();
    loaded.length = 0;
    for (const file of pageModules) {
      vi.doMock(file, () => {
        loaded.push(path.relative(webSrc, file));
        throw new Error(`${file} was loaded`);
      });
    }
  });
  afterEach(() => {
    for (const file of pageModules) vi.doUnmock(file);
  });

  async function createRoutes(): Promise<{ routes: RouteLike[]; queryClient: QueryClient }> {
    const queryClient = new QueryClient();
    const { createRoutes: create } = (await import(routerModule)) as { createRoutes: CreateRoutes };
    return { routes: create(queryClient), queryClient };
  }

  it('finds the page modules it guards against', () => {
    expect(pageModules.length).toBeGreaterThan(20);
  });

  it('every page of createRoutes has its access and its guard while no page module is loaded', async () => {
    const { routes } = await createRoutes();

    const pages = pageRoutes(routes);
    expect(pages.length).toBeGreaterThan(20);
    expect(unguardedPages(routes)).toEqual([]);
    expect(loaded).toEqual([]);
  });

  it("each page's guard decides from its access alone: signed out, only public and signed-out pages open", async () => {
    const { routes, queryClient } = await createRoutes();
    queryClient.setQueryData(['session'], { user: null, csrfToken: 'token' });

    for (const page of pageRoutes(routes)) {
      const pathname = `/${(page.path ?? '').replace(/:\w+/g, 'x')}`;
      const outcome = await (page.loader as (args: { request: Request; params: object }) => Promise<unknown>)({ request: new Request(`http://console.test${pathname}`), params: {} }).then(
        (value) => ({ opened: true, value }),
        (thrown: unknown) => ({ opened: false, value: thrown }),
      );
      const kind = page.handle?.access?.kind;
      expect({ pathname, opened: outcome.opened }).toEqual({ pathname, opened: kind === 'public' || kind === 'signed-out' });
      if (!outcome.opened) expect((outcome.value as Response).headers.get('Location')).toMatch(/^\/sign-in\?next=/);
    }
    expect(loaded).toEqual([]);
  });

  it('bites: a lazy page whose access moved into its import, or that has no guard, is reported', () => {
    const guard = async () => null;
    const broken: RouteLike[] = [
      {
        id: 'root',
        path: '/',
        children: [
          { path: 'fine', handle: { access: { kind: 'public' } }, loader: guard, lazy: async () => ({}) },
          { path: 'moved', loader: guard, lazy: async () => ({ handle: { access: { kind: 'public' } } }) },
          { path: 'unguarded', handle: { access: { kind: 'signed-in', roles: ['agency-admin'] } }, lazy: async () => ({}) },
          { path: 'nobody', handle: { access: { kind: 'signed-in', roles: [] } }, loader: guard, lazy: async () => ({}) },
        ],
      },
    ];

    expect(unguardedPages(broken)).toEqual(['/moved: no handle.access before it loads', '/unguarded: no guard (loader)', '/nobody: signed-in access names no role']);
  });
});
