import { Field, InputType, Int } from 'type-graphql';
import { BillingCycle, Course, LicenseModel } from '../entities/contract.entity.js';
import { DateScalar } from '../scalars/date.scalar.js';

@InputType({ description: "T4/T5: a new tenant's base contract (vendor operators, at onboarding)." })
export class BaseContractInput {
  @Field(() => Course)
  course: Course;

  @Field(() => BillingCycle)
  billingCycle: BillingCycle;

  @Field(() => DateScalar, { description: 'The order day: monthly billing runs from it; an annual term starts on the 1st on or after it (L16).' })
  startsOn: string;

  @Field(() => Int, { description: 'Paid member seats: 5 (T5) to 10,000 (larger is BAD_USER_INPUT).' })
  memberSeats: number;

  @Field(() => LicenseModel, { nullable: true, defaultValue: LicenseModel.GUEST_LICENSES, description: 'How guests are licensed; GUEST_LICENSES by default.' })
  licenseModel?: LicenseModel;

  @Field(() => String, { nullable: true, description: "Q1: the registered name the tenant's invoices are addressed to (1-200 characters); spaces sends the organisation's. Kept when a contract is answered again; its administrators change it with setInvoiceRecipientName." })
  recipientName?: string | null;
}
