import type { RefusalOf } from '@kyodo/subgraph-kit';
import type { SupportRefusalKey } from '../refusals/refusals.js';
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
export function channelRefusal(channel: ChannelValue, submitter: Submitter): RefusalOf<SupportRefusalKey> | null {
  if (channel === 'FAX') return { key: 'faxNotAChannel' };
  if (submitter === 'CUSTOMER' && (channel === 'PHONE' || channel === 'REMOTE')) return { key: channel === 'PHONE' ? 'phoneCallByAgent' : 'remoteSessionByAgent' };
  if (submitter === 'AGENT' && channel === 'ONLINE') return { key: 'onlineFormIsCustomers' };
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
export function emailLicenceRefusal(customerNumber: string | null | undefined, productId: string, licences: readonly LicenceRecord[]): RefusalOf<SupportRefusalKey> | null {
  const given = customerNumber?.trim() ?? '';
  if (!given) return { key: 'customerNumberMissing' };
  if (!/^\d{6}$/.test(given)) return { key: 'customerNumberInvalid', params: { customerNumber: given } };
  if (licences.length === 0) return { key: 'noLicenceOnRecord' };
  if (!licences.some((l) => l.customerNumber === given)) return { key: 'customerNumberMismatch', params: { customerNumber: given } };
  if (!licences.some((l) => l.customerNumber === given && l.productId === productId)) {
    return { key: 'productNotLicensed', params: { productId, customerNumber: given, licensed: licences.map((l) => l.productId).join(', ') } };
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
export function endOfSupportRefusal(version: ProductVersionRecord, today: LocalDate): RefusalOf<'supportEnded'> | null {
  if (version.endOfSupport === null || today <= version.endOfSupport) return null;
  return { key: 'supportEnded', params: { product: version.productName, version: version.version, endOfSupport: version.endOfSupport } };
}

export function isSupported(version: Pick<ProductVersionRecord, 'endOfSupport'>, today: LocalDate): boolean {
  return version.endOfSupport === null || today <= version.endOfSupport;
}
