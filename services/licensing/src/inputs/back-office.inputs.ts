import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../scalars/date.scalar.js';
import { Course, BillingCycle } from '../entities/contract.entity.js';
import { Deployment, ServiceProduct } from '../entities/service-contract.entity.js';

@InputType({ description: 'L1/T5: a new price row (yen, tax excluded). It applies from effectiveFrom (today or later), so it never changes what was already invoiced.' })
export class PriceRowInput {
  @Field(() => String, { description: 'GUEST_LICENSE, MEMBER_SEAT, CARD_DIGITISATION_PACK...: upper-case letters, digits and underscores.' })
  product: string;

  @Field(() => Course, { nullable: true })
  course?: Course | null;

  @Field(() => BillingCycle, { nullable: true })
  billingCycle?: BillingCycle | null;

  @Field(() => String, { description: 'What one amount buys: GUEST_MONTH, USER_YEAR, PACK_1000_SIDES...' })
  unit: string;

  @Field(() => Int, { description: 'Yen, tax excluded: 0 to 5,000 on a MONTHLY row, 0 to 60,000 on any other (issue 18 bounds; larger is BAD_USER_INPUT).' })
  amount: number;

  @Field(() => DateScalar)
  effectiveFrom: string;

  @Field(() => DateScalar, { nullable: true })
  effectiveTo?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only for customers who bought the base product on or before this date (a legacy price).' })
  legacyCutoff?: string | null;
}

@InputType({ description: 'L11-L13: a card service contract (SKYPCE) a vendor operator records for a tenant.' })
export class ServiceContractInput {
  @Field(() => ID)
  tenantId: string;

  @Field(() => ServiceProduct)
  product: ServiceProduct;

  @Field(() => Deployment)
  deployment: Deployment;

  @Field(() => Int, { description: 'Named-user licences: 5 (L12) to 10,000 (larger is BAD_USER_INPUT).' })
  seats: number;

  @Field(() => DateScalar)
  papersReceivedOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'L13: default 8 business days after the papers (12 on-premises), on the vendor calendar.' })
  deliveredOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'L13: default day 1 of the second month after delivery.' })
  billingStartsOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'L15: card sides included, 0 to 100,000,000 (default: unchanged, or 0 on a new contract).' })
  includedSides?: number | null;
}

@InputType({ description: 'L15: card sides a vendor operator records as bought for a tenant (a pack sold by sales).' })
export class GrantDigitisationPackInput {
  @Field(() => ID)
  tenantId: string;

  @Field(() => Int, { description: 'L15: 1 to 100 packs at a time.' })
  packs: number;

  @Field(() => String, { description: 'The same key twice records once.' })
  idempotencyKey: string;
}
