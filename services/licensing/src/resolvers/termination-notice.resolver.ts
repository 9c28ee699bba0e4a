import { recordContractChange } from '../contract-feed.js';
import { recordAudit, requireAdmin } from '@kyodo/subgraph-kit';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { IsNull } from 'typeorm';
import { todayFor, type LicensingContext } from '../access.js';
import { settleContract } from '../contract-renewal.js';
import { recordDigitisationChange } from '../digitisation-feed.js';
import { noticeStopsRenewal, serviceEndsOn } from '../domain/renewals.js';
import { termOn } from '../domain/service-contracts.js';
import { BillingCycle, Contract } from '../entities/contract.entity.js';
import { ServiceContract } from '../entities/service-contract.entity.js';
import { licensingRefusals } from '../refusals/refusals.js';
import { NoticeTarget, TerminationNotice } from '../types/licensing.types.js';

@Resolver(() => TerminationNotice)
export class TerminationNoticeResolver {
  @Mutation(() => TerminationNotice, {
    description:
      'L14: records a termination notice, dated today, for the annual base contract or the card service contract. Received at least 30 days before the term ends, the contract ends with this term; received later, it is accepted for the following term (it renews once more and ends with that one): the answer says which. Tenant administrators only.',
  })
  async submitTerminationNotice(@Arg('contract', () => NoticeTarget) target: NoticeTarget, @Ctx() ctx: LicensingContext): Promise<TerminationNotice> {
    const viewer = requireAdmin(ctx);
    return ctx.dataSource.transaction(async (manager) => {
      if (target === NoticeTarget.CARD_SERVICE) {
        const service = await manager.findOneBy(ServiceContract, { tenantId: viewer.tenantId });
        if (!service) throw licensingRefusals.refuse('cardServiceNotFound');
        const today = todayFor(ctx, null);
        if (service.terminationNoticeOn) {
          const term = termOn(service.billingStartsOn, service.terminationNoticeOn, today);
          throw licensingRefusals.refuse(term.ended ? 'noticeCardServiceAlreadyEnded' : 'noticeCardServiceAlreadyEnds', { receivedOn: service.terminationNoticeOn, endsOn: serviceEndsOn(service.terminationNoticeOn, term.endsOn) });
        }
        const term = termOn(service.billingStartsOn, null, today);
        const recorded = await manager.update(ServiceContract, { id: service.id, terminationNoticeOn: IsNull() }, { terminationNoticeOn: today });
        if ((recorded.affected ?? 0) !== 1) throw licensingRefusals.refuse('noticeCardServiceMeanwhile');
          const notice = noticeOf(target, today, term.endsOn);
          await recordAudit(manager, { at: ctx.clock.now(), actor: viewer, tenantId: viewer.tenantId, action: 'terminationNotice.submit', subject: `ServiceContract:${service.id}`, before: { terminationNoticeOn: null }, after: notice });
          // L14/L15: cards stops scans after the service's last day; its copy learns the day from this row
          await recordDigitisationChange(manager, viewer.tenantId);
          return notice;
      }
      const found = await manager.findOneBy(Contract, { tenantId: viewer.tenantId });
      if (!found) throw licensingRefusals.refuse('baseContractNotFound');
      const today = todayFor(ctx, found);
      const contract = await settleContract(manager, found, today);
      if (contract.cancelledOn) throw licensingRefusals.refuse(contract.cancelledOn <= today ? 'noticeContractWasCancelled' : 'noticeContractIsCancelled', { cancelledOn: contract.cancelledOn });
      if (contract.billingCycle !== BillingCycle.ANNUAL || !contract.endsOn) {
        throw licensingRefusals.refuse('noticeMonthlyContract');
      }
      if (contract.terminationNoticeOn) {
        throw licensingRefusals.refuse('noticeContractAlready', { receivedOn: contract.terminationNoticeOn, endsOn: serviceEndsOn(contract.terminationNoticeOn, contract.endsOn) });
      }
      const recorded = await manager
        .createQueryBuilder()
        .update(Contract)
        .set({ terminationNoticeOn: today })
        .where('id = :id AND terminationNoticeOn IS NULL AND cancelledOn IS NULL', { id: contract.id })
        .execute();
      if ((recorded.affected ?? 0) !== 1) throw licensingRefusals.refuse('noticeContractMeanwhile');
      const notice = noticeOf(target, today, contract.endsOn);
      await recordAudit(manager, { at: ctx.clock.now(), actor: viewer, tenantId: viewer.tenantId, action: 'terminationNotice.submit', subject: `Contract:${contract.id}`, before: { terminationNoticeOn: null }, after: notice });
      // L8/S9: the day access ends is known from now on; spaces learns it from this row
      await recordContractChange(manager, viewer.tenantId);
      return notice;
    });
  }
}

function noticeOf(contract: NoticeTarget, receivedOn: string, termEndsOn: string): TerminationNotice {
  return { contract, receivedOn, termEndsOn, endsOn: serviceEndsOn(receivedOn, termEndsOn), renewsOnceMore: !noticeStopsRenewal(receivedOn, termEndsOn) };
}
