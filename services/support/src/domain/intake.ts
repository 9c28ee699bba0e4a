import type { LocalDate } from './business-calendar.js';

/** P2: the ways a question reaches support. FAX is listed only so it can be refused clearly. */
export const CHANNELS = ['ONLINE', 'PHONE', 'EMAIL', 'REMOTE', 'FAX'] as const;
export type ChannelValue = (typeof CHANNELS)[number];

export type Submitter = 'CUSTOMER' | 'AGENT';

/**
 * Who may record a ticket on which channel. A customer writes through the built-in form
 * (ONLINE) or by e-mail; a phone call, a remote session or an e-mail received by the desk is
 * recorded by an agent on the customer's behalf.
 */
export function channelRefusal(channel: ChannelValue, submitter: Submitter): string | null {
  if (channel === 'FAX') return 'FAX is not a support channel (P2): use the online form, e-mail, phone or a remote session.';
  if (submitter === 'CUSTOMER' && (channel === 'PHONE' || channel === 'REMOTE')) {
    return `A ${channel === 'PHONE' ? 'phone call' : 'remote session'} is recorded by the support agent you speak to; to write to support yourself, use the online form (ONLINE) or e-mail (EMAIL).`;
  }
  if (submitter === 'AGENT' && channel === 'ONLINE') {
    return "The online form is the customer's own channel; record a ticket for a customer as PHONE, EMAIL or REMOTE.";
  }
  return null;
}

export interface LicenceRecord {
  customerNumber: string;
  productId: string;
}

/**
 * P3: an e-mail from outside the built-in form must carry the 6-digit customer number from
 * the licence certificate and a product ID of that licence; both must match the record.
 */
export function emailLicenceRefusal(customerNumber: string | null | undefined, productId: string, licences: readonly LicenceRecord[]): string | null {
  const given = customerNumber?.trim() ?? '';
  if (!given) return 'An e-mail ticket needs your customer number (P3): the 6-digit number on your licence certificate.';
  if (!/^\d{6}$/.test(given)) return `The customer number "${given}" is not valid (P3): it is the 6-digit number on your licence certificate.`;
  if (licences.length === 0) return 'There is no licence certificate on record for your organisation, so an e-mail ticket cannot be checked (P3). Please use the online form.';
  if (!licences.some((l) => l.customerNumber === given)) return `The customer number ${given} does not match your organisation's licence certificate (P3).`;
  if (!licences.some((l) => l.customerNumber === given && l.productId === productId)) {
    return `The product ID "${productId}" is not on the licence with customer number ${given} (P3); licensed product IDs: ${licences.map((l) => l.productId).join(', ')}.`;
  }
  return null;
}

export interface ProductVersionRecord {
  productName: string;
  version: string;
  /** The last day of support ('YYYY-MM-DD', Asia/Tokyo); null while no end is announced. */
  endOfSupport: LocalDate | null;
}

/** P5: no ticket for a version whose support has ended (the end date itself is still supported). */
export function endOfSupportRefusal(version: ProductVersionRecord, today: LocalDate): string | null {
  if (version.endOfSupport === null || today <= version.endOfSupport) return null;
  return `Support for ${version.productName} ${version.version} ended on ${version.endOfSupport} (P5), so no ticket can be opened for it. Please upgrade to a supported version.`;
}

export function isSupported(version: Pick<ProductVersionRecord, 'endOfSupport'>, today: LocalDate): boolean {
  return version.endOfSupport === null || today <= version.endOfSupport;
}
