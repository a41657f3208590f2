import type { Role } from '@ecoo/shared/http/endpoint';
import type { OfficeListQuery } from '@ecoo/shared/offices/schemas';
import type { RegistrationStatus } from '@ecoo/shared/registrations/schemas';

/** Why the sign-in page was opened, shown above its form. Passed as navigation state, not in the URL. */
export type SignInNotice = 'session-expired' | 'password-set';

/** Every URL of the console. Route objects use `path`; links use `getHref`. */
export const paths = {
  home: { path: '/', getHref: () => '/' },
  signIn: {
    path: '/sign-in',
    getHref: (next?: string) => (next ? `/sign-in?${new URLSearchParams({ next })}` : '/sign-in'),
  },
  forgotPassword: { path: '/forgot-password', getHref: () => '/forgot-password' },
  setPassword: { path: '/set-password', getHref: () => '/set-password' },
  register: { path: '/register', getHref: () => '/register' },
  dashboard: {
    home: { path: '/dashboard', getHref: () => '/dashboard' },
    offices: {
      path: '/dashboard/offices',
      /** Only what differs from the list's defaults goes into the address, so the plain list keeps its plain URL. */
      getHref: (query: OfficeListQuery = {}) => {
        const search = new URLSearchParams();
        if (query.search) search.set('search', query.search);
        if (query.sort && query.sort !== 'name') search.set('sort', query.sort);
        if (query.direction && query.direction !== 'asc') search.set('direction', query.direction);
        if (query.status && query.status !== 'active') search.set('status', query.status);
        return search.size > 0 ? `/dashboard/offices?${search}` : '/dashboard/offices';
      },
    },
    newOffice: { path: '/dashboard/offices/new', getHref: () => '/dashboard/offices/new' },
    importOffices: { path: '/dashboard/offices/import', getHref: () => '/dashboard/offices/import' },
    office: { path: '/dashboard/offices/:officeId', getHref: (officeId: string) => `/dashboard/offices/${encodeURIComponent(officeId)}` },
    officeStamp: { path: '/dashboard/offices/:officeId/stamp', getHref: (officeId: string) => `/dashboard/offices/${encodeURIComponent(officeId)}/stamp` },
    editOffice: { path: '/dashboard/offices/:officeId/edit', getHref: (officeId: string) => `/dashboard/offices/${encodeURIComponent(officeId)}/edit` },
    users: { path: '/dashboard/users', getHref: () => '/dashboard/users' },
    dsc: { path: '/dashboard/dsc', getHref: () => '/dashboard/dsc' },
  },
  review: {
    registrations: {
      path: '/review/registrations',
      getHref: (filter: { status?: RegistrationStatus; page?: number } = {}) => {
        const query = new URLSearchParams();
        if (filter.status && filter.status !== 'pending') query.set('status', filter.status);
        if (filter.page && filter.page > 1) query.set('page', String(filter.page));
        const search = query.toString();
        return search ? `/review/registrations?${search}` : '/review/registrations';
      },
    },
    registration: {
      path: '/review/registrations/:registrationId',
      getHref: (registrationId: string) => `/review/registrations/${encodeURIComponent(registrationId)}`,
    },
    agencies: { path: '/review/agencies', getHref: () => '/review/agencies' },
  },
  outbox: { path: '/dev/outbox', getHref: () => '/dev/outbox' },
} as const;

/** Where each role starts after signing in. */
export function startPageFor(role: Role): string {
  return role === 'dgft-reviewer' ? paths.review.registrations.getHref() : paths.dashboard.home.getHref();
}

/**
 * The `next` of /sign-in?next=… only if it is a path of this console: "//host" and "/\host" are
 * other sites to a browser, so they would turn sign-in into an open redirect.
 */
export function safeNextPath(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next === paths.signIn.path || next.startsWith(`${paths.signIn.path}?`)) return null;
  return next;
}
