import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../scalars/date.scalar.js';
import { Course } from '../entities/contract.entity.js';

export enum GuestLicenseStatus {
  TRIAL = 'TRIAL',
  LICENSED = 'LICENSED',
  TRIAL_EXPIRED = 'TRIAL_EXPIRED',
  FREE = 'FREE',
}
registerEnumType(GuestLicenseStatus, {
  name: 'GuestLicenseStatus',
  description: 'L3/L9: TRIAL (30 days from the first sign-in), LICENSED (a licence is assigned), TRIAL_EXPIRED (no access until one is), FREE (a linked guest).',
});

@ObjectType({ description: "A guest's licence: status and the last day of the free trial (L3)." })
export class GuestLicense {
  @Field(() => GuestLicenseStatus)
  status: GuestLicenseStatus;

  @Field(() => DateScalar, { nullable: true, description: 'The last day of the 30-day trial (the first sign-in day is day 1); null before the first sign-in.' })
  trialEndsOn: string | null;

  @Field(() => Boolean, { description: 'Whether one of the tenant\'s guest licences is assigned to this guest.' })
  assigned: boolean;

  @Field(() => Boolean, { description: 'L3/L8/L9: whether this status lets the guest into guest spaces (false once the trial ended without a licence); spaces enforces it.' })
  grantsAccess: boolean;
}

@ObjectType({ description: 'The price of a guest licence order before it is placed (L5-L7).' })
export class Quote {
  @Field(() => Int)
  quantity: number;

  @Field(() => Int, { nullable: true, description: 'Whole months charged (annual, L6); null on monthly billing.' })
  months: number | null;

  @Field(() => Int, { description: 'The monthly price per guest (L1), yen excluding tax.' })
  unitPrice: number;

  @Field(() => Int)
  subtotal: number;

  @Field(() => Int, { description: 'Consumption tax, 10 % rounded down.' })
  tax: number;

  @Field(() => Int)
  total: number;

  @Field(() => DateScalar, { description: 'From when the change is billed (monthly: the 1st of the next month).' })
  effectiveFrom: string;

  @Field(() => DateScalar, { nullable: true, description: "The guests' end date: the base contract's end (annual); null on monthly billing." })
  endsOn: string | null;
}

@ObjectType({ description: 'L10: the free guest allowance of a tenant on the allowance model.' })
export class GuestAllowance {
  @Field(() => Int)
  memberSeats: number;

  @Field(() => Int)
  guestsPerMember: number;

  @Field(() => Int)
  allowedGuests: number;
}

@ObjectType({ description: 'L15: the card sides a tenant may digitise; the cards subgraph enforces it.' })
export class CardDigitisation {
  @Field(() => Int, { description: 'Sides included in the service contract.' })
  includedSides: number;

  @Field(() => Int, { description: 'Sides bought with digitisation packs (1,000 per pack).' })
  purchasedSides: number;
}

@ObjectType({ description: 'L13/L14: the term of the service contract in force.' })
export class ServiceTermType {
  @Field(() => DateScalar)
  startsOn: string;

  @Field(() => DateScalar)
  endsOn: string;

  @Field(() => Boolean, { description: 'Renews for another year at its end (no termination notice received 30 days before).' })
  renews: boolean;

  @Field(() => Boolean)
  ended: boolean;
}

export enum NoticeTarget {
  BASE_CONTRACT = 'BASE_CONTRACT',
  CARD_SERVICE = 'CARD_SERVICE',
}
registerEnumType(NoticeTarget, { name: 'NoticeTarget', description: 'Which contract a termination notice is for (L14): the annual base contract or the card service contract.' });

@ObjectType({ description: 'L14: a termination notice as received, and when the contract ends because of it.' })
export class TerminationNotice {
  @Field(() => NoticeTarget)
  contract: NoticeTarget;

  @Field(() => DateScalar, { description: 'The day the notice was received (today, in the tenant\'s time zone).' })
  receivedOn: string;

  @Field(() => DateScalar, { description: 'The last day of the term in force when the notice arrived.' })
  termEndsOn: string;

  @Field(() => DateScalar, { description: 'The last day of the contract: termEndsOn when the notice came at least 30 days before it, else the end of the following term.' })
  endsOn: string;

  @Field(() => Boolean, { description: 'True when the notice came fewer than 30 days before termEndsOn: the contract renews once more, then ends.' })
  renewsOnceMore: boolean;
}

@ObjectType('BillingRun', { description: 'L16: what a billing run for a period did: the invoices it issued (none when the period was already billed).' })
export class BillingRun {
  @Field(() => String, { description: 'The period billed, YYYY-MM.' })
  period: string;

  @Field(() => Int, { description: 'How many invoices this run issued.' })
  issuedCount: number;

  @Field(() => [ID], { description: 'Issue 18 #6: tenants whose base contract is pending (spaces never confirmed the tenant exists, e.g. a failed onboarding): not invoiced. An operator checks each and confirms it (confirmBaseContract) if the tenant does exist.' })
  pendingTenants: string[];
}

@ObjectType({ description: 'T5/T6: the price of a member seat order before it is placed (the L6/L7 arithmetic of guest licences).' })
export class MemberSeatQuote {
  @Field(() => Int)
  quantity: number;

  @Field(() => Int, { description: 'Member seats held after the order.' })
  seatsAfter: number;

  @Field(() => Int, { nullable: true, description: 'Whole months charged (annual, L6); 0 for the renewal; null on monthly billing.' })
  months: number | null;

  @Field(() => Int, { description: 'The monthly price per seat (T5), yen excluding tax.' })
  unitPrice: number;

  @Field(() => Int)
  subtotal: number;

  @Field(() => Int)
  tax: number;

  @Field(() => Int)
  total: number;

  @Field(() => DateScalar, { description: 'From when the change is billed.' })
  effectiveFrom: string;

  @Field(() => DateScalar, { description: 'From when the seats in force change.' })
  seatsFrom: string;
}

@ObjectType({ description: 'T6: the price and timing of a course change before it is ordered.' })
export class CourseQuote {
  @Field(() => Course)
  courseBefore: Course;

  @Field(() => Course)
  course: Course;

  @Field(() => Int, { description: 'Member seats an annual upgrade charges; 0 otherwise.' })
  seats: number;

  @Field(() => Int, { nullable: true, description: 'Whole months charged (annual upgrade, L6); 0 for the renewal; null on monthly billing.' })
  months: number | null;

  @Field(() => Int, { description: 'Per seat and month (annual upgrade: Standard monthly - Light monthly), yen excluding tax; 0 otherwise.' })
  unitPrice: number;

  @Field(() => Int)
  subtotal: number;

  @Field(() => Int)
  tax: number;

  @Field(() => Int)
  total: number;

  @Field(() => DateScalar, { description: 'From when the new course is billed.' })
  effectiveFrom: string;

  @Field(() => DateScalar, { description: 'From when the new course is in force.' })
  courseFrom: string;
}

@ObjectType('MemberSeatLimit', { description: 'T5: the member seats active members must fit within: the fewest in force today or on any later day a seat decrease already ordered takes effect.' })
export class MemberSeatLimitType {
  @Field(() => Int, { description: 'The fewest member seats in force today or on any later day an ordered decrease takes effect (0 once cancelled).' })
  seats: number;

  @Field(() => DateScalar, { description: 'The first day that many seats apply: today, or the day the ordered decrease takes effect.' })
  from: string;
}
