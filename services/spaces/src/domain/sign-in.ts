/**
 * T3 and brute-force protection: after MAX_FAILURES wrong passwords in a row the account is
 * locked for LOCK_MINUTES (a lock, not a slow-down: it holds across processes and replicas
 * because it is stored, and it ends by itself). A right password while locked is refused too.
 */
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

export interface SignInState {
  failedSignIns: number;
  lockedUntil: Date | null;
}

export function isLocked(state: SignInState, now: Date): boolean {
  return !!state.lockedUntil && state.lockedUntil.getTime() > now.getTime();
}

export function afterFailure(state: SignInState, now: Date): SignInState {
  // a failure while locked changes nothing: the lock neither lifts nor grows, it ends by itself
  if (isLocked(state, now)) return { failedSignIns: state.failedSignIns, lockedUntil: state.lockedUntil };
  const failed = expiredReset(state, now) + 1;
  if (failed >= MAX_FAILURES) return { failedSignIns: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) };
  return { failedSignIns: failed, lockedUntil: null };
}

export function afterSuccess(): SignInState {
  return { failedSignIns: 0, lockedUntil: null };
}

function expiredReset(state: SignInState, now: Date): number {
  // a lock that has run out starts the count again
  return state.lockedUntil && state.lockedUntil.getTime() <= now.getTime() ? 0 : state.failedSignIns;
}
