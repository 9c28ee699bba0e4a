import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { UserKind } from '@kyodo/auth';
import type { Locale } from './enums.js';

export enum UserKindEnum {
  MEMBER = 'MEMBER',
  GUEST = 'GUEST',
}
registerEnumType(UserKindEnum, { name: 'UserKind', description: 'MEMBER: licensed, internal. GUEST: an outsider (T2).' });

/** T2: a member or a guest of one tenant. Email is unique within the tenant only. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person in a tenant: a member or a guest (T2).' })
@Entity({ name: 'users' })
@Index('uq_users_tenant_email', ['tenantId', 'email'], { unique: true })
@Index('ix_users_linked_user', ['linkedUserId'])
export class User {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenantId: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => UserKindEnum)
  @Column({ type: 'varchar', length: 10 })
  kind: UserKind;

  @Field(() => Boolean, { description: 'A tenant administrator (a member with the ADMIN role).' })
  @Column({ type: 'boolean', default: false })
  isAdmin: boolean;

  /** One of the vendor's support staff: signs in with the SUPPORT_AGENT role (support desk). */
  @Column({ type: 'boolean', default: false })
  isSupportAgent: boolean;

  /** A vendor operator (back office): signs in with the VENDOR_ADMIN role. */
  @Column({ type: 'boolean', default: false })
  isVendorAdmin: boolean;

  @Field(() => String, { nullable: true, description: 'The cover image of the profile page (a guest may set their own, S5).' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  coverImageUrl: string | null;

  @Column({ type: 'varchar', length: 200 })
  passwordHash: string;

  /** T3: encrypted at rest, a `v1:<keyId>:<iv>:<ciphertext>` envelope (totp-secrets.ts); never the secret itself. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  totpSecret: string | null;

  @Column({ type: 'boolean', default: false })
  totpEnabled: boolean;

  @Column({ type: 'int', default: 0 })
  failedSignIns: number;

  @Column({ type: 'datetime', nullable: true })
  lockedUntil: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the user first signed in; null until then (licensing starts the guest trial from it).' })
  @Column({ type: 'datetime', nullable: true })
  firstSignInAt: Date | null;

  /** S9: this guest is linked to a member of another tenant, who signs in there and switches here. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  linkedUserId: string | null;

  /** T5: a member removed by an administrator: no sign-in, no seat; the row stays so their posts stay attributed. */
  @Column({ type: 'datetime', nullable: true })
  removedAt: Date | null;

  /** I1: the language this person chose (JA or EN); null: their tenant's. Signed into their tokens as `lng`. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  locale: Locale | null;

  /** T5: raised whenever this person's access changes (access-feed.ts); tokens signed at a lower version are refused everywhere. */
  @Column({ type: 'int', default: 0 })
  accessVersion: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}

/** A new member row (onboarding, addMember): no usable password until they set one from their mail (T4). */
export function newMemberUser(fields: { tenantId: string; email: string; name: string; passwordHash: string; isAdmin: boolean }): User {
  return Object.assign(newGuestUser(fields), { kind: 'MEMBER' as const, isAdmin: fields.isAdmin });
}

/** A new guest row with every default spelled once (invitations and account links both create guests). */
export function newGuestUser(fields: { tenantId: string; email: string; name: string; passwordHash: string; linkedUserId?: string | null }): User {
  return Object.assign(new User(), {
    id: randomUUID(),
    kind: 'GUEST' as const,
    isAdmin: false,
    isSupportAgent: false,
    isVendorAdmin: false,
    coverImageUrl: null,
    totpSecret: null,
    totpEnabled: false,
    failedSignIns: 0,
    lockedUntil: null,
    firstSignInAt: null,
    linkedUserId: null,
    removedAt: null,
    accessVersion: 0,
    locale: null,
    ...fields,
  });
}
