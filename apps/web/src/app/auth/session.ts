import type { Locale, SessionInfo } from '@concord/contracts';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { setUnauthorizedHandler } from '../api/client';
import * as sessionApi from './sessionApi';
import { sessionQueryKey } from './sessionApi';

// Set while the user is signed out by their own choice, so the login page does not send the next
// person who signs in on this browser back to the previous user's page.
let signedOutByUser = false;

export function wasSignedOutByUser(): boolean {
  return signedOutByUser;
}

/** Everything cached belongs to the previous session once it ends: drop it, keep only the probe. */
function forgetSessionData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
}

/** A 401 from any call means the session expired or was ended elsewhere: show the login page. */
export function installUnauthorizedHandler(queryClient: QueryClient): void {
  setUnauthorizedHandler(() => {
    sessionApi.rememberSession(null);
    queryClient.setQueryData(sessionQueryKey, null);
    forgetSessionData(queryClient);
  });
}

const sessionQuery = {
  queryKey: sessionQueryKey,
  queryFn: ({ signal }: { signal?: AbortSignal }) => sessionApi.fetchSession(signal),
  staleTime: Number.POSITIVE_INFINITY,
};

export function useSessionQuery() {
  return useQuery(sessionQuery);
}

/** Asks for the session at once (the app opens on a signed-in page), before the router renders. */
export function prefetchSession(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(sessionQuery);
}

/** The signed-in session. Only for components rendered inside the authenticated layout. */
export function useSession(): SessionInfo {
  const { data } = useSessionQuery();
  if (!data) throw new Error('useSession() used outside an authenticated page');
  return data;
}

export function usePermissions() {
  const { data } = useSessionQuery();
  const granted = useMemo(() => new Set(data?.permissions ?? []), [data]);
  const can = useCallback((code: string) => granted.has(code), [granted]);
  return { can, permissions: granted };
}

interface LoginInput {
  username: string;
  password: string;
  /** A language picked on the login page: saved to the profile, since it is an explicit choice. */
  chosenLocale?: Locale;
}

async function loginAndApplyLocale({ chosenLocale, ...credentials }: LoginInput): Promise<SessionInfo> {
  const info = await sessionApi.login(credentials);
  if (!chosenLocale || chosenLocale === info.user.locale) return info;
  // Not worth failing the sign-in over: keep the session with its stored language.
  return sessionApi.updateProfile({ locale: chosenLocale }).catch(() => info);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: loginAndApplyLocale,
    onSuccess: (info) => {
      signedOutByUser = false;
      forgetSessionData(queryClient);
      queryClient.setQueryData(sessionQueryKey, info);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sessionApi.logout,
    // Even if the server call fails (already expired), the user asked to leave: forget locally too.
    onSettled: () => {
      signedOutByUser = true;
      sessionApi.rememberSession(null);
      queryClient.setQueryData(sessionQueryKey, null);
      forgetSessionData(queryClient);
    },
  });
}

export function useSwitchEntity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sessionApi.switchEntity,
    onSuccess: async (info) => {
      queryClient.setQueryData(sessionQueryKey, info);
      // Every list depends on the acting entity (permissions and data scope): reload them all.
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
    },
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sessionApi.updateProfile,
    onSuccess: (info) => queryClient.setQueryData(sessionQueryKey, info),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sessionApi.changePassword,
    // A session that had to change its password may now go anywhere: read it again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
  });
}
