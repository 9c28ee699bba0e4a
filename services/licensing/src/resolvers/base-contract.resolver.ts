import { randomUUID } from 'node:crypto';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { applyRule, isUniqueViolation, requireVendorOperator, type LicensingContext } from '../access.js';
import { checkBaseContract, firstTermEndsOn, sameBaseContract } from '../domain/base-contracts.js';
import { Contract, LicenseModel, ONLINE_STORE } from '../entities/contract.entity.js';
import { BaseContractInput } from '../inputs/base-contract.input.js';
import { InvoiceRecipient } from '../entities/invoice.entity.js';
import { licensingRefusals } from '../refusals/refusals.js';
import { checkedRecipientName } from './qualified-invoice.resolver.js';

@Resolver(() => Contract)
export class BaseContractResolver {
  @Mutation(() => Contract, {
    description:
      "T4/T5: a vendor operator (VENDOR_ADMIN) makes a new tenant's base contract (at least 5 member seats), online store, no guest licences yet. Idempotent by tenant: the same terms again answer the contract already made; other terms are a CONFLICT.",
  })
  async createBaseContract(@Arg('tenantId', () => ID) tenantId: string, @Arg('input', () => BaseContractInput) input: BaseContractInput, @Ctx() ctx: LicensingContext): Promise<Contract> {
    requireVendorOperator(ctx, () => licensingRefusals.refuse('vendorOnlyBaseContractCreate'));
    const request = { course: input.course, billingCycle: input.billingCycle, startsOn: input.startsOn, memberSeats: input.memberSeats };
    applyRule(() => checkBaseContract(request));
    const recipientName = input.recipientName === null || input.recipientName === undefined ? null : checkedRecipientName(input.recipientName);
    const repository = ctx.dataSource.getRepository(Contract);
    const answerExisting = async () => {
      const existing = await repository.findOneBy({ tenantId });
      if (!existing) return null;
      if (!sameBaseContract(existing, request)) throw licensingRefusals.refuse('baseContractClash');
      return existing;
    };
    const existing = await answerExisting();
    if (existing) return existing;
    try {
      // Q1: the name the tenant is invoiced under, unless one is set already (a retried onboarding keeps it)
      if (recipientName && !(await ctx.dataSource.getRepository(InvoiceRecipient).existsBy({ tenantId }))) {
        await ctx.dataSource.getRepository(InvoiceRecipient).insert({ tenantId, registeredName: recipientName, updatedAt: ctx.clock.now().toISOString() });
      }
      await repository.insert({
        id: randomUUID(),
        tenantId,
        ...request,
        endsOn: firstTermEndsOn(request.billingCycle, request.startsOn),
        seller: ONLINE_STORE,
        basePurchasedOn: null,
        licenseModel: input.licenseModel ?? LicenseModel.GUEST_LICENSES,
        guestLicensesHeld: 0,
        guestLicensesAssigned: 0,
        cancelledOn: null,
        terminationNoticeOn: null,
        timeZone: 'Asia/Tokyo',
        // issue 18 #6: pending until spaces confirms the tenant (its transaction may still fail)
        tenantConfirmed: false,
      });
    } catch (error) {
      // a concurrent retry made it first (unique per tenant): answer with that one
      if (!isUniqueViolation(error)) throw error;
    }
    return (await answerExisting())!;
  }

  @Mutation(() => Contract, {
    description:
      "T4 (issue 18 #6): spaces confirms, once its onboarding transaction committed, that the tenant of a base contract made by createBaseContract exists; until then the contract is pending and billing never invoices it. Idempotent. Vendor operators (VENDOR_ADMIN) only; NOT_FOUND without a contract.",
  })
  async confirmBaseContract(@Arg('tenantId', () => ID) tenantId: string, @Ctx() ctx: LicensingContext): Promise<Contract> {
    requireVendorOperator(ctx, () => licensingRefusals.refuse('vendorOnlyBaseContractConfirm'));
    const repository = ctx.dataSource.getRepository(Contract);
    await repository.update({ tenantId, tenantConfirmed: false }, { tenantConfirmed: true });
    const contract = await repository.findOneBy({ tenantId });
    if (!contract) throw licensingRefusals.refuse('baseContractNotFound');
    return contract;
  }
}
