// Who is signed in, for the whole app. At start (and so after a reload) the session is taken back
// from the refresh cookie; without one the sign-in page shows. See docs/web.md, "Session".
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { answer, api } from '../api/client';
import type { components } from '../api/schema';
import { refreshAccessToken, setAccessToken } from './tokens';

export type Profile = components['schemas']['ProfileDto'];
export type Role = Profile['roles'][number];

type State = { status: 'loading' } | { status: 'signed_out' } | { status: 'signed_in'; profile: Profile };

interface Session {
  state: State;
  /** After the API answered a token pair (sign-in, second factor, password change): load the profile. */
  begin: (accessToken: string) => Promise<void>;
  reloadProfile: () => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** `onSignedIn`: called as soon as an access token is known, before the profile is loaded (prefetch). */
export function SessionProvider({ children, onSignedIn }: { children: ReactNode; onSignedIn?: () => void }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  const reloadProfile = useCallback(async () => {
    try {
      setState({ status: 'signed_in', profile: await answer(api.GET('/api/v1/me')) });
    } catch {
      setAccessToken(undefined);
      setState({ status: 'signed_out' });
    }
  }, []);

  const begin = useCallback(
    async (accessToken: string) => {
      setAccessToken(accessToken);
      onSignedIn?.();
      await reloadProfile();
    },
    [reloadProfile, onSignedIn],
  );

  const signOut = useCallback(async () => {
    // The API ends every session of the person and clears the cookie; forget the token either way.
    await api.POST('/api/v1/auth/logout').catch(() => undefined);
    setAccessToken(undefined);
    setState({ status: 'signed_out' });
  }, []);

  useEffect(() => {
    void (async () => {
      if (await refreshAccessToken()) {
        onSignedIn?.();
        await reloadProfile();
      } else setState({ status: 'signed_out' });
    })();
    // Once, at start: the callback is the app's, fixed for its lifetime.
  }, [reloadProfile]);

  const value = useMemo(() => ({ state, begin, reloadProfile, signOut }), [state, begin, reloadProfile, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in person's profile (only inside the signed-in part of the app). */
export function useProfile(): Profile {
  const { state } = useSession();
  if (state.status !== 'signed_in') throw new Error('useProfile while not signed in');
  return state.profile;
}

export function hasRole(profile: Profile, ...roles: Role[]): boolean {
  return roles.some((role) => profile.roles.includes(role));
}
