import type { Viewer } from '@kyodo/auth';
import { createBatchWave, createByIdLoader, createGroupLoader } from '@kyodo/subgraph-kit';
import { In, type DataSource } from 'typeorm';
import { Contract } from './entities/contract.entity.js';
import { CourseOrder } from './entities/course-order.entity.js';
import { GuestLicenseAssignment } from './entities/guest-license-assignment.entity.js';
import { GuestLicenseOrder } from './entities/guest-license-order.entity.js';
import { Invoice, InvoiceLine, InvoiceRecipient } from './entities/invoice.entity.js';
import { MemberSeatOrder } from './entities/member-seat-order.entity.js';
import { ServiceContract } from './entities/service-contract.entity.js';

/** The key of an assignment loader: one guest of one tenant. */
export const assignmentKey = (tenantId: string, userId: string) => `${tenantId}|${userId}`;

/** Fresh for every request: nothing cached leaks between viewers, and every list is batched. */
export function createLicensingLoaders(_viewer: Viewer | null, dataSource: DataSource) {
  // one wave per request: the statement count depends on the query, not on which answer came first
  const wave = createBatchWave();
  return {
    contractByTenantId: createByIdLoader((ids) => dataSource.getRepository(Contract).findBy({ tenantId: In([...ids]) }), (c) => c.tenantId, { wave }),
    ordersByTenant: createGroupLoader(
      (ids) => dataSource.getRepository(GuestLicenseOrder).find({ where: { tenantId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } }),
      (o) => o.tenantId,
      { wave },
    ),
    seatOrdersByTenant: createGroupLoader(
      (ids) => dataSource.getRepository(MemberSeatOrder).find({ where: { tenantId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } }),
      (o) => o.tenantId,
      { wave },
    ),
    courseOrdersByTenant: createGroupLoader(
      (ids) => dataSource.getRepository(CourseOrder).find({ where: { tenantId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } }),
      (o) => o.tenantId,
      { wave },
    ),
    assignmentByKey: createByIdLoader(
      (keys) => dataSource.getRepository(GuestLicenseAssignment).findBy({ userId: In([...new Set(keys.map((k) => k.split('|')[1]!))]) }),
      (a) => assignmentKey(a.tenantId, a.userId),
      { wave },
    ),
    serviceContractByTenantId: createByIdLoader((ids) => dataSource.getRepository(ServiceContract).findBy({ tenantId: In([...ids]) }), (c) => c.tenantId, { wave }),
    recipientByTenantId: createByIdLoader((ids) => dataSource.getRepository(InvoiceRecipient).findBy({ tenantId: In([...ids]) }), (r) => r.tenantId, { wave }),
    invoiceById: createByIdLoader((ids) => dataSource.getRepository(Invoice).findBy({ id: In([...ids]) }), (i) => i.id, { wave }),
    linesByInvoice: createGroupLoader(
      (ids) => dataSource.getRepository(InvoiceLine).find({ where: { invoiceId: In([...ids]) }, order: { position: 'ASC' } }),
      (l) => l.invoiceId,
      { wave },
    ),
  };
}

export type LicensingLoaders = ReturnType<typeof createLicensingLoaders>;
