import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../scalars/date.scalar.js';

@InputType({ description: 'A guest licence change to price (L5-L7).' })
export class QuoteGuestLicensesInput {
  @Field(() => Int, { description: 'The change: a positive number adds guest licences, a negative one removes some; at most 10,000 either way, and at most 5,000 held after it (larger is BAD_USER_INPUT).' })
  quantity: number;

  @Field(() => DateScalar, { nullable: true, description: "Defaults to today in the tenant's time zone." })
  orderDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Who sells the guest licences: "ONLINE_STORE" or a reseller; defaults to the base contract\'s seller (L5).' })
  seller?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'L7: an annual decrease for the renewal: costs nothing now, the count drops on the first day of the next term. Default false.' })
  forRenewal?: boolean | null;
}

@InputType({ description: 'A guest licence order; the same idempotency key twice buys once.' })
export class OrderGuestLicensesInput extends QuoteGuestLicensesInput {
  @Field(() => String, { description: 'Chosen by the client (e.g. a UUID), 1-100 characters: a retry with the same key returns the first order.' })
  idempotencyKey: string;
}

@InputType({ description: 'L15: buy digitisation packs (1,000 card sides each).' })
export class OrderDigitisationPackInput {
  @Field(() => Int, { description: 'L15: 1 to 100 packs at a time.' })
  packs: number;

  @Field(() => String, { description: 'The same key twice buys once.' })
  idempotencyKey: string;
}

@InputType()
export class GuestLicenseAssignmentInput {
  @Field(() => ID, { description: 'The guest (a User id from spaces).' })
  userId: string;
}
