import type { KyodoClient } from '@kyodo/client';
import { createContext, useCallback, useContext, useEffect, useState } from 'react';

export interface Viewer {
  id: string;
  name: string;
  kind: 'GUEST' | 'MEMBER';
  isAdmin: boolean;
  isSupportRegistrant: boolean | null;
  /** The vendor's support staff (SUPPORT_AGENT in the token): offered the queue. */
  isAgent: boolean;
  /** The vendor's operators (VENDOR_ADMIN in the token): offered the back office. */
  isOperator: boolean;
  tenant: { name: string; subdomain: string };
}

export interface AppState {
  client: KyodoClient;
  viewer: Viewer | null;
  /** After sign-in, accepting an invitation or setting a password: loads the viewer again. */
  signedIn(): Promise<void>;
  signOut(): void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside <AppContext.Provider>');
  return app;
}

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/** Runs `load` when `key` changes (and on reload()), keeping the last answer while the next one loads. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState((previous) => ({ data: previous.data, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
    // `load` is a new closure each render; `key` says when its inputs changed
  }, [key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
