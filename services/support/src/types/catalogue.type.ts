import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('SupportCategory', { description: 'A support category (P4): in scope, or answered as outside the support service.' })
export class SupportCategoryType {
  @Field(() => String)
  code: string;

  @Field(() => Boolean)
  inScope: boolean;

  @Field(() => String)
  label: string;

  @Field(() => String)
  labelJa: string;
}

@ObjectType({ description: "P3: a tenant's licence certificate as the support desk records it." })
export class SupportLicenceRecord {
  @Field(() => ID)
  tenantId: string;

  @Field(() => String)
  customerNumber: string;

  @Field(() => [ID])
  productIds: string[];
}
