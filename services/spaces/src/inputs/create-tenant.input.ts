import { Field, InputType, Int } from 'type-graphql';
import { BillingCycle, Course, Locale } from '../entities/enums.js';
import { DateScalar } from '../scalars/date.scalar.js';

@InputType({ description: "T4: the new tenant's first administrator; they set their password from the mail." })
export class TenantAdminInput {
  @Field(() => String)
  email: string;

  @Field(() => String)
  name: string;
}

@InputType({ description: 'T5: the base contract licensing makes for the new tenant.' })
export class BaseContractTermsInput {
  @Field(() => Course)
  course: Course;

  @Field(() => BillingCycle)
  billingCycle: BillingCycle;

  @Field(() => DateScalar, { description: 'The first day of the contract (annual: the first term starts on the 1st on or after it, L16).' })
  startsOn: string;

  @Field(() => Int, { description: 'Paid member seats: 5 (T5) to 10,000 (larger is BAD_USER_INPUT).' })
  memberSeats: number;

  @Field(() => String, { nullable: true, description: "Q1: the organisation's registered name its invoices are addressed to (e.g. \"株式会社サンプル\"); the tenant's name when omitted. Its administrators can change it later (setInvoiceRecipientName)." })
  registeredName?: string | null;
}

@InputType({ description: 'T4: a new tenant, its first administrator and its base contract (vendor operators only).' })
export class CreateTenantInput {
  @Field(() => String, { description: 'T4: 3-32 lower-case letters, digits and hyphens, starting with a letter; never used before, not reserved.' })
  subdomain: string;

  @Field(() => String, { description: 'The display name, e.g. "株式会社サンプル".' })
  name: string;

  @Field(() => Locale, { nullable: true, defaultValue: Locale.JA, description: 'The language of its mail; JA by default.' })
  locale?: Locale;

  @Field(() => TenantAdminInput)
  admin: TenantAdminInput;

  @Field(() => BaseContractTermsInput)
  contract: BaseContractTermsInput;
}
