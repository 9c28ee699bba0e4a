import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Tenant is owned by spaces; licensing adds the contract to it by key. */
@Directive('@key(fields: "id")')
@ObjectType('Tenant')
export class TenantRef {
  @Field(() => ID)
  id: string;
}
