import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A product the support desk answers for (P5 catalogue). */
@ObjectType({ description: 'A product in the support catalogue (P5).' })
@Entity({ name: 'support_products' })
export class SupportProduct {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  name: string;
}

/** P5: each version has its own end of support. */
@ObjectType({ description: 'A product version and the last day it is supported (P5).' })
@Entity({ name: 'support_product_versions' })
export class SupportProductVersion {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  productId: string;

  @Field(() => String)
  @PrimaryColumn({ type: 'varchar', length: 40 })
  version: string;

  /** A calendar day in Asia/Tokyo, kept as text so no time zone can shift it. */
  @Field(() => String, { nullable: true, description: "The last day of support, 'YYYY-MM-DD' (Asia/Tokyo); null while none is announced." })
  @Column({ type: 'varchar', length: 10, nullable: true })
  endOfSupport: string | null;
}
