import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { GuestPolicy, GuestSpaceCreators, Locale, MailFormat } from './enums.js';

/** T1: one organisation, with its own sub-domain. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'An organisation: its own sub-domain, users, groups and spaces (T1).' })
@Entity({ name: 'tenants' })
@Index('uq_tenants_subdomain', ['subdomain'], { unique: true })
export class Tenant {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field(() => String, { description: 'The sub-domain that names the tenant at sign-in, e.g. "acme".' })
  @Column({ type: 'varchar', length: 63 })
  subdomain: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => Boolean, { description: 'T3: every user must use a one-time password (set by an administrator).' })
  @Column({ type: 'boolean', default: false })
  requireTotp: boolean;

  @Field(() => GuestPolicy, { description: 'S7: KINTONE or SINGLE_SPACE.' })
  @Column({ type: 'varchar', length: 20, default: GuestPolicy.KINTONE })
  guestPolicy: GuestPolicy;

  @Field(() => MailFormat, { description: 'S8: the format of invitation and account mail to guests.' })
  @Column({ type: 'varchar', length: 10, default: MailFormat.HTML })
  mailFormat: MailFormat;

  @Field(() => GuestSpaceCreators, { description: 'Who may create guest spaces.' })
  @Column({ type: 'varchar', length: 10, default: GuestSpaceCreators.MEMBERS })
  guestSpaceCreators: GuestSpaceCreators;

  @Field(() => Locale, { description: 'The language of mail to its people: JA (Japanese first, English after it) or EN.' })
  @Column({ type: 'varchar', length: 2, default: Locale.JA })
  locale: Locale;

  /** When the tenant's contract ended; links of its members into other tenants stop working (S9). */
  @Column({ type: 'datetime', nullable: true })
  contractCancelledAt: Date | null;

  /**
   * L8/S9: when the tenant's base contract stops giving access, copied from licensing's contract
   * feed (contract-copy.ts); null while it runs on. Compared with the clock on every check.
   */
  @Column({ type: 'datetime', nullable: true })
  contractEndsAt: Date | null;

  /** A1: when the contract-end job recorded that the contract's end took effect (once per tenant). */
  @Column({ type: 'datetime', nullable: true })
  contractEndRecordedAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
