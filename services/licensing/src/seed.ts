import { DEMO } from '@kyodo/subgraph-kit';
import { InvoiceRecipient } from './entities/invoice.entity.js';
import type { DataSource } from 'typeorm';
import { billingStartsOn, contractedSeats, deliveryDate } from './domain/service-contracts.js';
import { BillingCycle, Contract, Course, LicenseModel, ONLINE_STORE } from './entities/contract.entity.js';
import { Deployment, ServiceContract, ServiceProduct } from './entities/service-contract.entity.js';
import { recordDigitisationChange } from './digitisation-feed.js';

/** Card sides the demo tenant's card service includes (L15); the cards subgraph relies on this demo state. */
export const DEMO_INCLUDED_SIDES = 1000;

/**
 * The demo tenant: a Standard, monthly base contract from the online store with 10 member seats
 * and no guest licences yet (the demo guest is on trial); and the card service on a Corporate
 * Licence in the cloud with 1,000 card sides included and no packs bought.
 */
export async function seedLicensingDemo(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    if (!(await manager.existsBy(Contract, { tenantId: DEMO.tenant.id }))) {
      await manager.insert(Contract, {
        id: '00000000-0000-4000-8000-000000000101',
        tenantId: DEMO.tenant.id,
        course: Course.STANDARD,
        billingCycle: BillingCycle.MONTHLY,
        startsOn: '2026-04-01',
        endsOn: null,
        seller: ONLINE_STORE,
        basePurchasedOn: null,
        memberSeats: 10,
        licenseModel: LicenseModel.GUEST_LICENSES,
        guestLicensesHeld: 0,
        guestLicensesAssigned: 0,
        cancelledOn: null,
        timeZone: 'Asia/Tokyo',
      });
    }
    // Q1: the demo tenant's invoices are addressed to its (demo) registered name
    if (!(await manager.existsBy(InvoiceRecipient, { tenantId: DEMO.tenant.id }))) {
      await manager.insert(InvoiceRecipient, { tenantId: DEMO.tenant.id, registeredName: 'デモ株式会社 (Demo Co., Ltd.)', updatedAt: '2026-01-01T00:00:00.000Z' });
    }
    if (!(await manager.existsBy(ServiceContract, { tenantId: DEMO.tenant.id }))) {
      const papersReceivedOn = '2026-02-02';
      const deliveredOn = deliveryDate(papersReceivedOn, 'CLOUD');
      await manager.insert(ServiceContract, {
        id: '00000000-0000-4000-8000-000000000111',
        tenantId: DEMO.tenant.id,
        product: ServiceProduct.CORPORATE_LICENSE,
        deployment: Deployment.CLOUD,
        seats: contractedSeats(2),
        papersReceivedOn,
        deliveredOn,
        billingStartsOn: billingStartsOn(deliveredOn),
        terminationNoticeOn: null,
        includedSides: DEMO_INCLUDED_SIDES,
        purchasedSides: 0,
      });
      await recordDigitisationChange(manager, DEMO.tenant.id);
    }
  });
}
