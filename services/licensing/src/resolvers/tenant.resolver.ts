import { isVendorAdmin } from '@kyodo/auth';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { isTenantMember, isTenantUser, todayFor, type LicensingContext } from '../access.js';
import { currentContract } from '../contract-renewal.js';
import { courseOn } from '../domain/course-orders.js';
import { guestLicensesInForce } from '../domain/guest-orders.js';
import { memberSeatLimit, memberSeatsOn, type MemberSeatLimit } from '../domain/seat-orders.js';
import { guestAllowance, GUESTS_PER_MEMBER, storageQuotaBytes } from '../domain/quotas.js';
import { termOn } from '../domain/service-contracts.js';
import { Contract, ContractStatus, Course, LicenseModel } from '../entities/contract.entity.js';
import { ServiceContract } from '../entities/service-contract.entity.js';
import { TenantRef } from '../entities/tenant.type.js';
import { SafeIntScalar } from '../scalars/date.scalar.js';
import { CardDigitisation, GuestAllowance, MemberSeatLimitType, ServiceTermType } from '../types/licensing.types.js';
import { Int } from 'type-graphql';

@Resolver(() => TenantRef)
export class TenantContractResolver {
  @FieldResolver(() => Contract, { nullable: true, description: "The tenant's base contract; visible to its own members and to vendor operators (guests and other tenants get null)." })
  async contract(@Root() tenant: TenantRef, @Ctx() ctx: LicensingContext): Promise<Contract | null> {
    if (!isTenantMember(ctx.viewer, tenant.id) && !isVendorAdmin(ctx.viewer)) return null;
    return currentContract(ctx, tenant.id);
  }

  @FieldResolver(() => ContractStatus, {
    nullable: true,
    description: "ACTIVE or CANCELLED (L8: guest spaces become unreadable); seen by the tenant's members and guests; null without a base contract or for anyone else.",
  })
  async contractStatus(@Root() tenant: TenantRef, @Ctx() ctx: LicensingContext): Promise<ContractStatus | null> {
    if (!isTenantUser(ctx.viewer, tenant.id)) return null;
    const contract = await currentContract(ctx, tenant.id);
    if (!contract) return null;
    return contract.cancelledOn && contract.cancelledOn <= todayFor(ctx, contract) ? ContractStatus.CANCELLED : ContractStatus.ACTIVE;
  }

  @FieldResolver(() => SafeIntScalar, { nullable: true, description: "L4: member seats x 5 GiB (guests add nothing); the tenant's members only." })
  async storageQuotaBytes(@Root() tenant: TenantRef, @Ctx() ctx: LicensingContext): Promise<number | null> {
    if (!isTenantMember(ctx.viewer, tenant.id)) return null;
    const contract = await currentContract(ctx, tenant.id);
    return contract ? storageQuotaBytes(await seatsInForce(ctx, contract)) : null;
  }

  @FieldResolver(() => GuestAllowance, { nullable: true, description: "L10: the free guest allowance when the tenant is on that model; null otherwise. The tenant's members only." })
  async guestAllowance(@Root() tenant: TenantRef, @Ctx() ctx: LicensingContext): Promise<GuestAllowance | null> {
    if (!isTenantMember(ctx.viewer, tenant.id)) return null;
    const contract = await currentContract(ctx, tenant.id);
    if (!contract || contract.licenseModel !== LicenseModel.GUEST_ALLOWANCE) return null;
    const seats = await seatsInForce(ctx, contract);
    return { memberSeats: seats, guestsPerMember: GUESTS_PER_MEMBER, allowedGuests: guestAllowance(seats) };
  }

  @FieldResolver(() => ServiceContract, { nullable: true, description: "L11-L14: the card service contract; the tenant's members and vendor operators." })
  async serviceContract(@Root() tenant: TenantRef, @Ctx() ctx: LicensingContext): Promise<ServiceContract | null> {
    if (!isTenantMember(ctx.viewer, tenant.id) && !isVendorAdmin(ctx.viewer)) return null;
    return ctx.loaders.serviceContractByTenantId.load(tenant.id);
  }

  @FieldResolver(() => CardDigitisation, {
    nullable: true,
    description: "L15: card sides included and bought with packs; the cards subgraph enforces the quota. The tenant's members and vendor operators; null without a card service contract.",
  })
  async cardDigitisation(@Root() tenant: TenantRef, @Ctx() ctx: LicensingContext): Promise<CardDigitisation | null> {
    if (!isTenantMember(ctx.viewer, tenant.id) && !isVendorAdmin(ctx.viewer)) return null;
    const service = await ctx.loaders.serviceContractByTenantId.load(tenant.id);
    return service ? { includedSides: service.includedSides, purchasedSides: service.purchasedSides } : null;
  }
}

/** T5/T6: the seats in force today for a contract (the request's loaders; one query per page of contracts). */
export async function seatsInForce(ctx: LicensingContext, contract: Contract): Promise<number> {
  return memberSeatsOn({ memberSeatsHeld: contract.memberSeats, cancelledOn: contract.cancelledOn }, await ctx.loaders.seatOrdersByTenant.load(contract.tenantId), todayFor(ctx, contract));
}

/** T6: the course in force today for a contract (the request's loaders). */
export async function courseInForce(ctx: LicensingContext, contract: Contract): Promise<Course> {
  return courseOn(contract.course, await ctx.loaders.courseOrdersByTenant.load(contract.tenantId), todayFor(ctx, contract)) as Course;
}

@Resolver(() => Contract)
export class ContractResolver {
  @FieldResolver(() => Course, { description: 'T6: the course in force today (an upgrade at once; a monthly downgrade from the 1st of next month; an annual one from the renewal).' })
  async course(@Root() contract: Contract, @Ctx() ctx: LicensingContext): Promise<Course> {
    return courseInForce(ctx, contract);
  }

  @FieldResolver(() => Int, {
    description:
      'T5/T6: paid member seats in force today (an increase counts at once; a monthly decrease from the 1st of next month; an annual decrease from the renewal); 0 once cancelled. Active members never exceed it (L4 storage, L10 allowance).',
  })
  async memberSeats(@Root() contract: Contract, @Ctx() ctx: LicensingContext): Promise<number> {
    return seatsInForce(ctx, contract);
  }

  @FieldResolver(() => MemberSeatLimitType, {
    description: 'T5: what active members must fit within: the fewest seats in force today or on any later day a seat decrease already ordered takes effect, and from when. Spaces refuses an addMember beyond it, naming the day.',
  })
  async memberSeatLimit(@Root() contract: Contract, @Ctx() ctx: LicensingContext): Promise<MemberSeatLimit> {
    return memberSeatLimit({ memberSeatsHeld: contract.memberSeats, cancelledOn: contract.cancelledOn }, await ctx.loaders.seatOrdersByTenant.load(contract.tenantId), todayFor(ctx, contract));
  }

  @FieldResolver(() => Int, { description: 'Guest licences in force today (monthly decreases count from the 1st of the next month, L7); 0 once cancelled (L8).' })
  async guestLicenses(@Root() contract: Contract, @Ctx() ctx: LicensingContext): Promise<number> {
    return guestLicensesInForce(contract, await ctx.loaders.ordersByTenant.load(contract.tenantId), todayFor(ctx, contract));
  }

  @FieldResolver(() => ContractStatus)
  status(@Root() contract: Contract, @Ctx() ctx: LicensingContext): ContractStatus {
    return contract.cancelledOn && contract.cancelledOn <= todayFor(ctx, contract) ? ContractStatus.CANCELLED : ContractStatus.ACTIVE;
  }
}

@Resolver(() => ServiceContract)
export class ServiceContractResolver {
  @FieldResolver(() => ServiceTermType, { description: 'L13/L14: the term in force today (during set-up: the first term).' })
  currentTerm(@Root() service: ServiceContract, @Ctx() ctx: LicensingContext): ServiceTermType {
    return termOn(service.billingStartsOn, service.terminationNoticeOn, todayFor(ctx, null));
  }

  @FieldResolver(() => CardDigitisation)
  cardDigitisation(@Root() service: ServiceContract): CardDigitisation {
    return { includedSides: service.includedSides, purchasedSides: service.purchasedSides };
  }
}
