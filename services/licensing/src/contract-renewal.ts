import type { EntityManager } from 'typeorm';
import { isUniqueViolation, todayFor, type LicensingContext } from './access.js';
import { addDays, type LocalDate } from './domain/calendar-dates.js';
import { settleBaseTerm } from './domain/renewals.js';
import { recordContractChange } from './contract-feed.js';
import { Contract } from './entities/contract.entity.js';
import { GuestLicenseAssignment } from './entities/guest-license-assignment.entity.js';

/**
 * L14 (auto-renewal), lazily and idempotently: before a base contract is used, a term that ended
 * before `today` rolls over to the term in force (scheduled renewal decreases, L7, count from
 * their licensesFrom, the new term's first day), or, when a termination notice stopped the
 * renewal, the contract ends: cancelled from the day after its last term, with its guest
 * licences (L8). It bills nothing: a renewed term is invoiced by the billing run, members and
 * guests on one invoice at the term start (L16, `periodInvoice`). The UPDATE is conditional on the
 * term it read, so concurrent readers settle it once. Returns the contract as it stands now.
 */
export async function settleContract(manager: EntityManager, contract: Contract, today: LocalDate): Promise<Contract> {
  if (contract.cancelledOn) return contract;
  const settlement = settleBaseTerm(contract.endsOn, contract.terminationNoticeOn, today);
  if (!settlement) return contract;
  const apply = async (tx: EntityManager) => {
    const ended = settlement.endedOn !== null;
    const changed = await tx
      .createQueryBuilder()
      .update(Contract)
      .set(ended ? { endsOn: settlement.endsOn, cancelledOn: addDays(settlement.endsOn, 1), guestLicensesHeld: 0, guestLicensesAssigned: 0 } : { endsOn: settlement.endsOn })
      .where('id = :id AND endsOn = :endsOn AND cancelledOn IS NULL', { id: contract.id, endsOn: contract.endsOn })
      .execute();
    if ((changed.affected ?? 0) !== 1) return; // another request settled this term
    if (ended) {
      await tx.delete(GuestLicenseAssignment, { tenantId: contract.tenantId });
      await recordContractChange(tx, contract.tenantId);
    }
  };
  // inside a mutation's transaction it joins that one; on a read it takes its own
  if (manager.queryRunner?.isTransactionActive) await apply(manager);
  else {
    try {
      await manager.transaction(apply);
    } catch (error) {
      // a concurrent reader settled this term first: its settlement stands
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return manager.findOneByOrFail(Contract, { id: contract.id });
}

const settledPerRequest = new WeakMap<LicensingContext, Map<string, Promise<Contract | null>>>();

/** The tenant's base contract through the request's loader, settled to today (L14) once per request; null without one. */
export function currentContract(ctx: LicensingContext, tenantId: string): Promise<Contract | null> {
  let settled = settledPerRequest.get(ctx);
  if (!settled) settledPerRequest.set(ctx, (settled = new Map()));
  let contract = settled.get(tenantId);
  if (!contract) {
    contract = (async () => {
      const loaded = await ctx.loaders.contractByTenantId.load(tenantId);
      return loaded && settleContract(ctx.dataSource.manager, loaded, todayFor(ctx, loaded));
    })();
    settled.set(tenantId, contract);
  }
  return contract;
}
