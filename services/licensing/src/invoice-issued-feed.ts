import { changeFeedRoute, type ChangeFeedPage, type RouteRuntime, type SubgraphRoute } from '@kyodo/subgraph-kit';
import { MoreThan, type DataSource } from 'typeorm';
import { InvoiceIssuedChange } from './entities/invoice-issued-change.entity.js';

/** The feed's name: served at /internal/changes/invoices-issued (see subgraph-kit change-feed.ts). */
export const INVOICE_ISSUED_FEED = 'invoices-issued';

/** One row of the feed: an invoice (or credit note) as issued; it never changes afterwards (Q1). */
export interface InvoiceIssuedFeedRow {
  tenantId: string;
  invoiceId: string;
  number: string;
  kind: string;
  issuedOn: string;
  total: number;
}

export async function readInvoiceIssuedFeed(dataSource: DataSource, after: number, first: number): Promise<ChangeFeedPage<InvoiceIssuedFeedRow>> {
  const repository = dataSource.getRepository(InvoiceIssuedChange);
  const changes = await repository.find({ where: { seq: MoreThan(after) }, order: { seq: 'ASC' }, take: first });
  const head = (await repository.maximum('seq')) ?? 0;
  return {
    head,
    changes: changes.map((c) => ({ seq: c.seq, tenantId: c.tenantId, invoiceId: c.invoiceId, number: c.number, kind: c.kind, issuedOn: c.issuedOn, total: c.total })),
  };
}

/** Q1: the issued-invoice feed spaces mails administrators from; internal only (never through the gateway, never with a user token). */
export function invoiceIssuedFeedRoute({ dataSource, deps }: RouteRuntime): SubgraphRoute {
  return changeFeedRoute({ name: INVOICE_ISSUED_FEED, dataSource, gatewaySecret: deps.gatewaySecret, requireCredential: deps.requireGatewayCredential, outbox: 'invoice_issued_changes', read: readInvoiceIssuedFeed });
}
