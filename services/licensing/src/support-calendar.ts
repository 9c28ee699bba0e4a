import { japaneseBusinessCalendar, peerClientFor, type BusinessCalendar, type ClosingDay } from '@kyodo/subgraph-kit';
import type { LicensingContext } from './access.js';

/** The document sent to support, exported so tests send exactly it to their fake of support. */
export const VENDOR_CLOSING_DAYS_QUERY = `query VendorClosingDays { closingDays { year month day reason } }`;

/**
 * L13/P7: one vendor calendar. The vendor's closing days are kept (and edited by its operators) in
 * support; L13's delivery date counts business days on the same calendar, so on the rare write that
 * needs it (recording a card service contract) licensing asks support for them. Fails closed:
 * support unreachable -> SERVICE_UNAVAILABLE, nothing recorded.
 */
export async function vendorCalendar(ctx: LicensingContext): Promise<BusinessCalendar> {
  const data = await peerClientFor(ctx).request<{ closingDays: ClosingDay[] }>('support', VENDOR_CLOSING_DAYS_QUERY, {}, { token: ctx.token, purpose: "read the vendor's closing days" });
  return japaneseBusinessCalendar(data.closingDays);
}
