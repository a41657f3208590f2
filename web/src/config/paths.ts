import type { Role } from '@ecoo/shared/http/endpoint';
import type { OfficeListQuery } from '@ecoo/shared/offices/schemas';
import type { OfficerListQuery } from '@ecoo/shared/officers/schemas';
import type { AdministratorListQuery } from '@ecoo/shared/administrators/schemas';
import type { RegistrationStatus } from '@ecoo/shared/registrations/schemas';
import type { ReadinessListQuery } from '@ecoo/shared/readiness/schemas';
import type { AuditListQuery } from '@ecoo/shared/audit/schemas';

/** Why the sign-in page was opened, shown above its form. Passed as navigation state, not in the URL. */
export type SignInNotice = 'session-expired' | 'password-set';

/** A list's filter in its address: empty values, the first page and the default page size stay out. */
function withQuery(path: string, query: { status?: string; agencyId?: string; officeId?: string; q?: string; page?: unknown; pageSize?: unknown }): string {
  const search = new URLSearchParams();
  if (query.status) search.set('status', query.status);
  if (query.agencyId) search.set('agencyId', query.agencyId);
  if (query.officeId) search.set('officeId', query.officeId);
  if (query.q) search.set('q', query.q);
  if (query.page && Number(query.page) > 1) search.set('page', String(query.page));
  if (query.pageSize && Number(query.pageSize) !== 50) search.set('pageSize', String(query.pageSize));
  return search.size > 0 ? `${path}?${search}` : path;
}

/** The audit trail's filters in its address: only those set, the first page and the default page size left out. */
function auditHref(path: string, query: AuditListQuery): string {
  const search = new URLSearchParams();
  for (const key of ['agencyId', 'actor', 'action', 'office', 'officer', 'from', 'to'] as const) {
    const value = query[key];
    if (value) search.set(key, value);
  }
  if (query.page && Number(query.page) > 1) search.set('page', String(query.page));
  if (query.pageSize && Number(query.pageSize) !== 50) search.set('pageSize', String(query.pageSize));
  return search.size > 0 ? `${path}?${search}` : path;
}

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
  /** The link mailed to an issuing officer who registered: /register/confirm#token=…; the token stays in the fragment. */
  registerConfirm: { path: '/register/confirm', getHref: () => '/register/confirm' },
  dashboard: {
    home: {
      path: '/dashboard',
      /** The readiness checklist's page, when past the first, is the one thing My Dashboard keeps in its address. */
      getHref: (query: { readinessPage?: number } = {}) => (query.readinessPage && query.readinessPage > 1 ? `/dashboard?readinessPage=${query.readinessPage}` : '/dashboard'),
    },
    offices: {
      path: '/dashboard/offices',
      /** Only what differs from the list's defaults goes into the address, so the plain list keeps its plain URL. */
      getHref: (query: OfficeListQuery = {}) => {
        const search = new URLSearchParams();
        if (query.search) search.set('search', query.search);
        if (query.sort && query.sort !== 'name') search.set('sort', query.sort);
        if (query.direction && query.direction !== 'asc') search.set('direction', query.direction);
        if (query.status && query.status !== 'active') search.set('status', query.status);
        if (query.page && Number(query.page) > 1) search.set('page', String(query.page));
        if (query.pageSize && Number(query.pageSize) !== 50) search.set('pageSize', String(query.pageSize));
        return search.size > 0 ? `/dashboard/offices?${search}` : '/dashboard/offices';
      },
    },
    newOffice: { path: '/dashboard/offices/new', getHref: () => '/dashboard/offices/new' },
    importOffices: { path: '/dashboard/offices/import', getHref: () => '/dashboard/offices/import' },
    office: { path: '/dashboard/offices/:officeId', getHref: (officeId: string) => `/dashboard/offices/${encodeURIComponent(officeId)}` },
    officeStamp: { path: '/dashboard/offices/:officeId/stamp', getHref: (officeId: string) => `/dashboard/offices/${encodeURIComponent(officeId)}/stamp` },
    editOffice: { path: '/dashboard/offices/:officeId/edit', getHref: (officeId: string) => `/dashboard/offices/${encodeURIComponent(officeId)}/edit` },
    users: {
      path: '/dashboard/users',
      /** Only what differs from the list's defaults (every status, first page) goes into the address. */
      getHref: (query: OfficerListQuery = {}) => withQuery('/dashboard/users', query),
    },
    officer: { path: '/dashboard/users/:userId', getHref: (userId: string) => `/dashboard/users/${encodeURIComponent(userId)}` },
    officerSignature: { path: '/dashboard/users/:userId/signature', getHref: (userId: string) => `/dashboard/users/${encodeURIComponent(userId)}/signature` },
    dsc: { path: '/dashboard/dsc', getHref: () => '/dashboard/dsc' },
    /** The administrator's own agency's audit trail. */
    audit: { path: '/dashboard/audit', getHref: (query: AuditListQuery = {}) => auditHref('/dashboard/audit', query) },
    specimens: { path: '/dashboard/specimens', getHref: () => '/dashboard/specimens' },
    /** The link partner customs open the specimen register with: created, copied and revoked here. */
    specimenRegister: { path: '/dashboard/specimen-register', getHref: () => '/dashboard/specimen-register' },
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
    administrators: {
      path: '/review/administrators',
      getHref: (query: AdministratorListQuery = {}) => withQuery('/review/administrators', query),
    },
    readiness: {
      path: '/review/readiness',
      /** Only what differs from the list's defaults (every agency, every office, first page) goes into the address. */
      getHref: ({ gap, ...query }: ReadinessListQuery = {}) => {
        const path = withQuery('/review/readiness', query);
        return !gap || gap === 'all' ? path : `${path}${path.includes('?') ? '&' : '?'}gap=${gap}`;
      },
    },
    /** Every agency's audit trail, for the DGFT reviewer. */
    audit: { path: '/review/audit', getHref: (query: AuditListQuery = {}) => auditHref('/review/audit', query) },
  },
  /**
   * The specimen register as customs open it, signed out; the QR on a specimen certificate adds the
   * office, officer and date (the BFF's registerEntryPath writes the same address).
   */
  specimenRegister: {
    path: '/register/:token',
    getHref: (token: string, query: { date?: string; office?: string; officer?: string } = {}) => {
      const search = new URLSearchParams();
      for (const key of ['office', 'officer', 'date'] as const) if (query[key]) search.set(key, query[key]);
      return `/register/${encodeURIComponent(token)}${search.size > 0 ? `?${search}` : ''}`;
    },
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
