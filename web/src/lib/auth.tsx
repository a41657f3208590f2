import { useEffect, useRef } from 'react';
import { queryOptions, useMutation, useQueryClient, useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate, type RouteObject } from 'react-router';
import type { Session, SessionUser, SignInInput } from '@ecoo/shared/accounts/schemas';
import type { Access } from '@ecoo/shared/http/endpoint';
import { paths, type SignInNotice } from '../config/paths';
import { callApi, onUnauthenticated, rememberCsrfToken } from './api-client';
import { healthKeys } from './health';
import { applyLocale } from './i18n';
import { accountsApi } from '@ecoo/shared/accounts/api';

/** Who may open a page: anyone, only someone signed out (sign-in, register), or some roles. */
export type PageAccess = Access | { kind: 'signed-out' };
export const signedOutAccess = { kind: 'signed-out' } as const satisfies PageAccess;

/** A feature's page: its path, its lazily loaded component and who may open it; the app adds the guard. */
export type PageRoute = RouteObject & { handle: { access: PageAccess } };

export const sessionKeys = { session: ['session'] as const };

async function getSession(): Promise<Session> {
  const session = await callApi(accountsApi.getSession);
  rememberCsrfToken(session.csrfToken);
  await applyLocale(session.locale);
  return session;
}

/**
 * Read once at start and then changed only by sign-in, sign-out and a 401, so it never goes stale
 * on its own: refetching it in the background would only ask the BFF what the SPA already knows.
 */
export const getSessionQueryOptions = () => queryOptions({ queryKey: sessionKeys.session, queryFn: getSession, staleTime: Infinity });

/** The root route's loader has read the session, so this never suspends in practice. */
export function useSession(): Session {
  return useSuspenseQuery(getSessionQueryOptions()).data;
}

export function useActor(): SessionUser | null {
  return useSession().user;
}

export function isAllowed(access: PageAccess, user: SessionUser | null): boolean {
  switch (access.kind) {
    case 'public':
      return true;
    case 'signed-out':
      return user === null;
    case 'signed-in':
      return user !== null && access.roles.includes(user.role);
  }
}

/** Forgets what the previous user saw, keeping only the session and the console's own health. */
function forgetPrivateQueries(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.session[0] && query.queryKey[0] !== healthKeys.health[0] });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: SignInInput) => {
      const session = await callApi(accountsApi.signIn, { body: input });
      rememberCsrfToken(session.csrfToken);
      // The account's language is applied by whoever moves on (signedIn), after the move: a switch
      // draws the pages anew, and the sign-in form's own onSuccess would be lost with it.
      return session;
    },
    onSuccess: (session) => {
      forgetPrivateQueries(queryClient);
      queryClient.setQueryData(sessionKeys.session, session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => callApi(accountsApi.signOut),
    onSuccess: async () => {
      // Leave the signed-in page first, so none of its queries asks again and meets a 401.
      await navigate(paths.home.getHref());
      queryClient.setQueryData(sessionKeys.session, (session) => session && { ...session, user: null });
      forgetPrivateQueries(queryClient);
    },
  });
}

/**
 * After sign-in: goes where the user was going, then speaks the account's language (which may
 * differ from the sign-in page's), so the redraw a switch causes cannot drop the navigation.
 */
export async function continueSignedIn(navigate: ReturnType<typeof useNavigate>, to: string, session: Session): Promise<void> {
  await navigate(to, { replace: true });
  await applyLocale(session.locale);
}

/** A 401 from any request means the session ended (idle 30 minutes, or signed out elsewhere): sign in again and come back. */
export function useSignInWhenSessionEnds(): void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const here = useRef(location);
  useEffect(() => {
    here.current = location;
  }, [location]);

  useEffect(
    () =>
      onUnauthenticated(() => {
        const { pathname, search } = here.current;
        queryClient.setQueryData(sessionKeys.session, (session) => session && { ...session, user: null });
        const notice: SignInNotice = 'session-expired';
        void navigate(paths.signIn.getHref(pathname + search), { replace: true, state: { notice } });
      }),
    [navigate, queryClient],
  );
}
