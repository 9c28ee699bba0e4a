import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'P5 (back office): a product of the support catalogue, added or renamed.' })
export class SupportProductInput {
  @Field(() => ID, { description: 'Lower-case letters, digits and hyphens (e.g. dezie): what tickets and licence certificates name.' })
  id: string;

  @Field(() => String)
  name: string;
}

@InputType({ description: "P5 (back office): a product version and its end of support, added or changed." })
export class SupportProductVersionInput {
  @Field(() => ID)
  productId: string;

  @Field(() => String)
  version: string;

  @Field(() => String, { nullable: true, description: "The last day of support, 'YYYY-MM-DD' (Asia/Tokyo); null while none is announced." })
  endOfSupport?: string | null;
}

@InputType({ description: "P7/L13 (back office): a day the vendor is closed." })
export class ClosingDayInput {
  @Field(() => Int, { nullable: true, description: 'Only in this year; none: every year.' })
  year?: number | null;

  @Field(() => Int)
  month: number;

  @Field(() => Int)
  day: number;

  @Field(() => String)
  reason: string;
}
