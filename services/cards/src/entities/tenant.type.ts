import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** Licensing's numbers of the card contract (L15), as cards receives them through `@requires`. */
@ObjectType('CardDigitisation')
export class CardDigitisationRef {
  @Directive('@external')
  @Field(() => Int)
  includedSides: number;

  @Directive('@external')
  @Field(() => Int)
  purchasedSides: number;
}

/**
 * Tenant is owned by spaces; cards adds the card quota to it by key. The contracted sides are
 * licensing's: the gateway brings them with the representation (`@requires`), no peer call.
 */
@Directive('@key(fields: "id")')
@ObjectType('Tenant')
export class TenantRef {
  @Field(() => ID)
  id: string;

  /** Absent (undefined) when the representation came without it; null when licensing has no card contract to show. */
  @Directive('@external')
  @Field(() => CardDigitisationRef, { nullable: true })
  cardDigitisation?: CardDigitisationRef | null;
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
