import { createKyodoClient, KyodoRequestError, type KyodoClient, type Session } from '@kyodo/client';

/**
 * One typed client for the app, in its default 'hash' mode: the gateway in production runs only
 * the registered documents (trusted documents), so the app sends nothing else. The session lives
 * in sessionStorage: a closed tab signs out, a reload does not.
 */
const SESSION_KEY = 'kyodo.session';

function storedSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    const session = raw ? (JSON.parse(raw) as Session) : null;
    return session && Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function createAppClient(onChange: (session: Session | null) => void, shownLanguage: () => string): KyodoClient {
  const client = createKyodoClient({
    url: new URL('/graphql', window.location.origin).toString(),
    // I1: refusals to a caller not yet signed in come in the language the app shows
    acceptLanguage: shownLanguage,
    onSession(session) {
      if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: session.token, expiresAt: session.expiresAt }));
      else sessionStorage.removeItem(SESSION_KEY);
      onChange(session);
    },
  });
  const restored = storedSession();
  if (restored) client.setSession(restored);
  return client;
}

/** The stable codes of a failed request (extensions.code), for choosing what to show. */
export function errorCodes(error: unknown): string[] {
  return error instanceof KyodoRequestError ? error.codes : [];
}

/** Whether sign-in asked for a one-time password (T3: extensions.otpRequired). */
export function otpRequired(error: unknown): boolean {
  return error instanceof KyodoRequestError && error.errors.some((e) => e.extensions?.otpRequired === true);
}

/** The people-facing message of a failed request. */
export function errorMessage(error: unknown): string {
  if (error instanceof KyodoRequestError) return error.errors.map((e) => e.message).join(' ');
  return error instanceof Error ? error.message : String(error);
}
