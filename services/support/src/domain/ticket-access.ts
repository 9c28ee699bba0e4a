import type { Viewer } from '@kyodo/auth';

/** The vendor's support staff: recognised by the role spaces puts in the verified token. */
export function isSupportAgent(viewer: Viewer | null): boolean {
  return !!viewer && viewer.kind === 'MEMBER' && viewer.roles.includes('SUPPORT_AGENT');
}

/**
 * Who reads a ticket: an agent any tenant's; a member of the ticket's tenant; nobody else (T1).
 * A guest sees nothing of the tenant's support desk (S3).
 */
export function canSeeTicket(viewer: Viewer | null, ticket: { tenantId: string }): boolean {
  if (isSupportAgent(viewer)) return true;
  return !!viewer && viewer.kind === 'MEMBER' && viewer.tenantId === ticket.tenantId;
}

/** Internal notes are for the support desk only, on every path (P8 replies, lists, references). */
export function canSeeInternalNotes(viewer: Viewer | null): boolean {
  return isSupportAgent(viewer);
}
