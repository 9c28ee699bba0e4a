/** T4: the first administrator (and every added member) sets a password from a link valid 7 days. */
export const PASSWORD_SETUP_TTL_DAYS = 7;

export type PasswordSetupState = 'VALID' | 'USED' | 'EXPIRED';

/** Single use, and expired at the exact expiry instant (as invitations, S4). */
export function passwordSetupState(setup: { usedAt: Date | null; expiresAt: Date }, now: Date): PasswordSetupState {
  if (setup.usedAt) return 'USED';
  if (setup.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  return 'VALID';
}

export function passwordSetupLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/set-password?token=${encodeURIComponent(token)}`;
}
