import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** Tenant is owned by spaces; cards adds the card quota to it by key. */
@Directive('@key(fields: "id")')
@ObjectType('Tenant')
export class TenantRef {
  @Field(() => ID)
  id: string;
}

@ObjectType({ description: 'Card sides the tenant may have digitised (L15): included in the contract plus packs bought, and how many are used.' })
export class CardQuota {
  @Field(() => Int)
  included: number;

  @Field(() => Int)
  purchased: number;

  @Field(() => Int)
  used: number;

  @Field(() => Int)
  remaining: number;
}
