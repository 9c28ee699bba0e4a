import { recordContractChange } from '../contract-feed.js';
import { badInput, conflict, notFound, recordAudit, requireAdmin } from '@kyodo/subgraph-kit';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { IsNull } from 'typeorm';
import { todayFor, type LicensingContext } from '../access.js';
import { settleContract } from '../contract-renewal.js';
import { recordDigitisationChange } from '../digitisation-feed.js';
import { noticeStopsRenewal, serviceEndsOn } from '../domain/renewals.js';
import { termOn } from '../domain/service-contracts.js';
import { BillingCycle, Contract } from '../entities/contract.entity.js';
import { ServiceContract } from '../entities/service-contract.entity.js';
import { NoticeTarget, TerminationNotice } from '../types/licensing.types.js';

@Resolver(() => TerminationNotice)
export class TerminationNoticeResolver {
  @Mutation(() => TerminationNotice, {
    description:
      'L14: records a termination notice, dated today, for the annual base contract or the card service contract. Received at least 30 days before the term ends, the contract ends with this term; received later, it is accepted for the following term (it renews once more and ends with that one): the answer says which. Tenant administrators only.',
  })
  async submitTerminationNotice(@Arg('contract', () => NoticeTarget) target: NoticeTarget, @Ctx() ctx: LicensingContext): Promise<TerminationNotice> {
    const viewer = requireAdmin(ctx, 'give notice of termination');
    return ctx.dataSource.transaction(async (manager) => {
      if (target === NoticeTarget.CARD_SERVICE) {
        const service = await manager.findOneBy(ServiceContract, { tenantId: viewer.tenantId });
        if (!service) throw notFound('The card service contract');
        const today = todayFor(ctx, null);
        if (service.terminationNoticeOn) {
          const term = termOn(service.billingStartsOn, service.terminationNoticeOn, today);
          throw conflict(`A termination notice was already received on ${service.terminationNoticeOn}; the card service ${term.ended ? 'ended' : 'ends'} on ${serviceEndsOn(service.terminationNoticeOn, term.endsOn)}.`);
        }
        const term = termOn(service.billingStartsOn, null, today);
        const recorded = await manager.update(ServiceContract, { id: service.id, terminationNoticeOn: IsNull() }, { terminationNoticeOn: today });
        if ((recorded.affected ?? 0) !== 1) throw conflict('A termination notice was received for the card service at the same time; reload to see it.');
          const notice = noticeOf(target, today, term.endsOn);
          await recordAudit(manager, { at: ctx.clock.now(), actor: viewer, tenantId: viewer.tenantId, action: 'terminationNotice.submit', subject: `ServiceContract:${service.id}`, before: { terminationNoticeOn: null }, after: notice });
          // L14/L15: cards stops scans after the service's last day; its copy learns the day from this row
          await recordDigitisationChange(manager, viewer.tenantId);
          return notice;
      }
      const found = await manager.findOneBy(Contract, { tenantId: viewer.tenantId });
      if (!found) throw notFound('The base contract');
      const today = todayFor(ctx, found);
      const contract = await settleContract(manager, found, today);
      if (contract.cancelledOn) throw conflict(`The base contract ${contract.cancelledOn <= today ? 'was' : 'is'} cancelled on ${contract.cancelledOn}; there is nothing to give notice on.`);
      if (contract.billingCycle !== BillingCycle.ANNUAL || !contract.endsOn) {
        throw badInput('A monthly base contract has no term to renew: cancel it with cancelContract instead.', 'contract');
      }
      if (contract.terminationNoticeOn) {
        throw conflict(`A termination notice was already received on ${contract.terminationNoticeOn}; the base contract ends on ${serviceEndsOn(contract.terminationNoticeOn, contract.endsOn)}.`);
      }
      const recorded = await manager
        .createQueryBuilder()
        .update(Contract)
        .set({ terminationNoticeOn: today })
        .where('id = :id AND terminationNoticeOn IS NULL AND cancelledOn IS NULL', { id: contract.id })
        .execute();
      if ((recorded.affected ?? 0) !== 1) throw conflict('A termination notice was received for the base contract at the same time; reload to see it.');
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
