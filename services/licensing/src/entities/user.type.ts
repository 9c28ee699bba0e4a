import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { TenantRef } from './tenant.type.js';

export enum UserKind {
  MEMBER = 'MEMBER',
  GUEST = 'GUEST',
}
registerEnumType(UserKind, { name: 'UserKind', description: 'MEMBER: licensed, internal. GUEST: an outsider (T2).' });

/**
 * User is owned by spaces; licensing adds the guest's licence. The trial starts at the first
 * sign-in, which spaces records: licensing receives it (and the kind, the S9 link and the
 * tenant) through `@requires`, never from its own copy.
 */
@Directive('@key(fields: "id")')
@ObjectType('User')
export class UserRef {
  @Field(() => ID)
  id: string;

  @Directive('@external')
  @Field(() => Date, { nullable: true })
  firstSignInAt?: Date | string | null;

  @Directive('@external')
  @Field(() => UserKind)
  kind?: UserKind;

  @Directive('@external')
  @Field(() => Boolean)
  isLinkedGuest?: boolean;

  @Directive('@external')
  @Field(() => TenantRef)
  tenant?: TenantRef;
}
