/**
 * The few rules the web app applies itself, as plain functions (unit-tested in test/). The
 * subgraphs decide everything that matters; these only present their answers.
 */

const DAY_MS = 86_400_000;

/** Today's date in Asia/Tokyo ('YYYY-MM-DD'): licence dates are Tokyo dates (L3). */
export function tokyoDate(now: Date): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * L3: days of trial left, counting today and the last day (a trial ending today has 1 day left),
 * 0 once it has ended; null without a trial end date.
 */
export function trialDaysLeft(trialEndsOn: string | null | undefined, now: Date): number | null {
  if (!trialEndsOn) return null;
  const days = Math.round((Date.parse(`${trialEndsOn}T00:00:00Z`) - Date.parse(`${tokyoDate(now)}T00:00:00Z`)) / DAY_MS) + 1;
  return Math.max(0, days);
}

/**
 * A comment list that live events can add to: a comment arriving twice (its own POST answer and
 * the subscription event, or two events) is kept once; the list stays in time order.
 */
export function withComment<T extends { id: string; createdAt: string }>(comments: readonly T[], comment: T): T[] {
  if (comments.some((c) => c.id === comment.id)) return [...comments];
  return [...comments, comment].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

/**
 * P7: the queue order the support desk works in, late tickets first, then by due time; the
 * server answers in this order, and a ticket added by a live event is placed by the same rule.
 */
export function queueOrder<T extends { id: string; isLate: boolean; dueAt: string }>(tickets: readonly T[], now: Date): T[] {
  const late = (t: T) => t.isLate || Date.parse(t.dueAt) < now.getTime();
  return [...tickets].sort((a, b) => Number(late(b)) - Number(late(a)) || Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.id.localeCompare(b.id));
}

/**
 * The roles in a session token's claims (SUPPORT_AGENT, ADMIN...), only to choose which screens
 * to offer: the subgraphs verify the token and decide what it may do.
 */
export function rolesInToken(token: string): string[] {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const roles = (JSON.parse(json) as { roles?: unknown }).roles;
    return Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [];
  } catch {
    return [];
  }
}

/** Every guest of the tenant once, from the members of its guest spaces. */
export function guestsOf<U extends { id: string; kind: string }>(spaces: ReadonlyArray<{ isGuestSpace: boolean; members: readonly U[] }>): U[] {
  const seen = new Map<string, U>();
  for (const space of spaces) if (space.isGuestSpace) for (const member of space.members) if (member.kind === 'GUEST' && !seen.has(member.id)) seen.set(member.id, member);
  return [...seen.values()];
}

/**
 * Where to go after signing in: the screen a signed-out person asked for (a mail link such as
 * `/licences?invoice=…`), kept through the sign-in screen as `?next=`. Only a path of this app:
 * never another origin (`//evil.example`, `/\evil.example`, `https://…`), so the link cannot send
 * the person elsewhere once signed in.
 */
export function afterSignIn(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/spaces';
  // a control character (a newline, a tab) could be read as a break in the URL: refused
  if (/^\/sign-in(?:[/?#]|$)/.test(next) || [...next].some((c) => c.charCodeAt(0) < 0x20)) return '/spaces';
  return next;
}

/** The `next` to keep when a signed-out person lands on `path?query`: nothing for the home screen. */
export function signInTarget(path: string, query: string): string | null {
  if (path === '/' || path === '' || path.startsWith('/sign-in')) return null;
  return `${path}${query ? `?${query}` : ''}`;
}
