import { Field, InputType, Int } from 'type-graphql';
import { DateScalar } from '../scalars/date.scalar.js';

@InputType({ description: 'A member seat change to price (T5/T6).' })
export class QuoteMemberSeatsInput {
  @Field(() => Int, { description: 'The change: a positive number adds seats, a negative one removes some; at most 10,000 either way, and 5 to 10,000 seats held after it (T5; beyond is BAD_USER_INPUT).' })
  quantity: number;

  @Field(() => DateScalar, { nullable: true, description: "Defaults to today in the tenant's time zone." })
  orderDate?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'T6: an annual decrease for the renewal: costs nothing now, the seats drop on the first day of the next term. Default false.' })
  forRenewal?: boolean | null;
}

@InputType({ description: 'A member seat order; the same idempotency key twice buys once.' })
export class OrderMemberSeatsInput extends QuoteMemberSeatsInput {
  @Field(() => String, { description: 'Chosen by the client (e.g. a UUID), 1-100 characters: a retry with the same key returns the first order.' })
  idempotencyKey: string;
}
