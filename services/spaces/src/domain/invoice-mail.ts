/**
 * Q1: who is told, by mail, that an invoice was issued, and where the mail sends them.
 *
 * The tenant's active administrators: members with the ADMIN role who have not been removed
 * (T5). Members, guests and a removed administrator get nothing: an invoice is the tenant's
 * business with the vendor, and its amounts are not for every member.
 */
export function receivesInvoiceMail(user: { kind: string; isAdmin: boolean; removedAt: Date | null }): boolean {
  return user.kind === 'MEMBER' && user.isAdmin && user.removedAt === null;
}

/**
 * The web app's page for one invoice (the administrator's licences and invoices screen, with the
 * invoice named). Never a link to the PDF itself: a mail is read days later and a PDF link is
 * signed for minutes (Invoice.pdfUrl); the signed-in administrator gets a fresh one on that page.
 */
export function invoicePageLink(publicUrl: string, invoiceId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/app/licences?invoice=${encodeURIComponent(invoiceId)}`;
}
