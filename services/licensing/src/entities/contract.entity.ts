import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateScalar } from '../scalars/date.scalar.js';

export enum Course {
  LIGHT = 'LIGHT',
  STANDARD = 'STANDARD',
}
registerEnumType(Course, { name: 'Course', description: 'The base product course; guest licences follow it (L2).' });

export enum BillingCycle {
  MONTHLY = 'MONTHLY',
  ANNUAL = 'ANNUAL',
}
registerEnumType(BillingCycle, { name: 'BillingCycle' });

export enum LicenseModel {
  GUEST_LICENSES = 'GUEST_LICENSES',
  GUEST_ALLOWANCE = 'GUEST_ALLOWANCE',
}
registerEnumType(LicenseModel, {
  name: 'LicenseModel',
  description: 'GUEST_LICENSES: guests are bought per guest (kintone, L1-L9). GUEST_ALLOWANCE: 5 free guests per paid member (Confluence, L10).',
});

export enum ContractStatus {
  ACTIVE = 'ACTIVE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ContractStatus, { name: 'ContractStatus', description: 'CANCELLED: the base contract ended; guest licences are cancelled and guest spaces unreadable (L8).' });

/** The seller name of the vendor's own online store (L5). */
export const ONLINE_STORE = 'ONLINE_STORE';

/** L2: the tenant's base contract for its members; guest licences sit on top of it. */
@ObjectType({ description: "The tenant's base contract for its members (L2)." })
@Entity({ name: 'contracts' })
@Index('uq_contracts_tenant', ['tenantId'], { unique: true })
export class Contract {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenantId: string;

  /**
   * T6: the course held after every course order so far (a downgrade not yet due included). The
   * API's `course` is the course in force today (ContractResolver, courseOn).
   */
  @Column({ type: 'varchar', length: 10 })
  course: Course;

  @Field(() => BillingCycle)
  @Column({ type: 'varchar', length: 10 })
  billingCycle: BillingCycle;

  @Field(() => String, { description: 'First day of the contract (YYYY-MM-DD, tenant time zone).' })
  @Column({ type: 'varchar', length: 10 })
  startsOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the current term (annual; it renews for a year at its end unless a termination notice stops it, L14); null on monthly billing, which runs until cancelled. Guests bought later end on it too (L6).' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  endsOn: string | null;

  @Field(() => String, { description: `Who sold the base contract: "${ONLINE_STORE}" or the reseller's name; on monthly billing guests come from the same seller (L5).` })
  @Column({ type: 'varchar', length: 100, default: ONLINE_STORE })
  seller: string;

  /** When the customer first bought the base product: on or before 2014-04-12 the legacy price rows apply (L1). */
  @Field(() => DateScalar, { nullable: true, description: 'When the base product was first bought, where it was before startsOn (the legacy price rows apply up to 2014-04-12, L1).' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  basePurchasedOn: string | null;

  /**
   * T5/T6: member seats held after every seat order so far (a decrease not yet due included);
   * changed only by a conditional UPDATE. The API's `memberSeats` is the seats in force today
   * (ContractResolver, memberSeatsOn).
   */
  @Column({ type: 'int', default: 0 })
  memberSeats: number;

  @Field(() => LicenseModel)
  @Column({ type: 'varchar', length: 20, default: LicenseModel.GUEST_LICENSES })
  licenseModel: LicenseModel;

  /** Guest licences held after every order so far (pending monthly decreases included); changed only by a conditional UPDATE. */
  @Column({ type: 'int', default: 0 })
  guestLicensesHeld: number;

  /** Guest licences assigned to named guests; never above guestLicensesHeld (conditional UPDATE). */
  @Field(() => Int, { description: 'How many of the guest licences are assigned to named guests.' })
  @Column({ type: 'int', default: 0 })
  guestLicensesAssigned: number;

  @Field(() => DateScalar, { nullable: true, description: 'When the base contract was cancelled (L8); null while it runs.' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  cancelledOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'L14: when a termination notice was received; the term then ends without renewing (at this term\'s end if received 30 days before it, else at the next one\'s).' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  terminationNoticeOn: string | null;

  @Field(() => String, { description: "The tenant's time zone: it decides what \"today\" is for trials and orders." })
  @Column({ type: 'varchar', length: 40, default: 'Asia/Tokyo' })
  timeZone: string;

  /**
   * Issue 18 #6: whether spaces confirmed the tenant exists. A contract made by onboarding
   * (createBaseContract, inside spaces' transaction) is pending until spaces, once its transaction
   * committed, confirms it (confirmBaseContract), or a billing run finds the tenant in spaces.
   * Billing never invoices a pending contract: a failed onboarding leaves one behind.
   */
  @Column({ type: 'boolean', default: true })
  tenantConfirmed: boolean;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
