import { createHash, randomBytes } from 'node:crypto';

/** S4: an invitation link works for 7 days by default. */
export const INVITATION_TTL_DAYS = 7;

/** A random single-use token (256 bits, URL-safe) and the hash that is all the database keeps. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function invitationExpiry(now: Date, days = INVITATION_TTL_DAYS): Date {
  return new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
}

export type InvitationState = 'VALID' | 'USED' | 'EXPIRED';

/** S4: single use, and expired at the exact expiry instant. */
export function invitationState(invitation: { acceptedAt: Date | null; expiresAt: Date }, now: Date): InvitationState {
  if (invitation.acceptedAt) return 'USED';
  if (invitation.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  return 'VALID';
}

export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/invitations/accept?token=${encodeURIComponent(token)}`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return EMAIL.test(email) && email.length <= 254 ? email : null;
}

export const MIN_PASSWORD_LENGTH = 10;
