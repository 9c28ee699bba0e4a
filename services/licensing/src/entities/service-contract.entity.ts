import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateScalar } from '../scalars/date.scalar.js';

export enum ServiceProduct {
  START_PACK = 'START_PACK',
  CORPORATE_LICENSE = 'CORPORATE_LICENSE',
}
registerEnumType(ServiceProduct, { name: 'ServiceProduct', description: 'L11: Start Pack (one department or team) or Corporate Licence (the whole organisation).' });

export enum Deployment {
  CLOUD = 'CLOUD',
  ON_PREMISES = 'ON_PREMISES',
}
registerEnumType(Deployment, { name: 'Deployment' });

/** L11-L15: the card service's named-user contract, with its digitisation quota. */
@ObjectType({ description: "The card service's named-user contract (L11-L14)." })
@Entity({ name: 'service_contracts' })
@Index('uq_service_contracts_tenant', ['tenantId'], { unique: true })
export class ServiceContract {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenantId: string;

  @Field(() => ServiceProduct)
  @Column({ type: 'varchar', length: 20 })
  product: ServiceProduct;

  @Field(() => Deployment)
  @Column({ type: 'varchar', length: 20 })
  deployment: Deployment;

  @Field(() => Int, { description: 'Named-user licences (at least 5, L12).' })
  @Column({ type: 'int' })
  seats: number;

  @Field(() => DateScalar)
  @Column({ type: 'varchar', length: 10 })
  papersReceivedOn: string;

  @Field(() => DateScalar, { description: 'L13: 8 business days after the papers (12 on-premises).' })
  @Column({ type: 'varchar', length: 10 })
  deliveredOn: string;

  @Field(() => DateScalar, { description: 'L13: day 1 of the second month after delivery.' })
  @Column({ type: 'varchar', length: 10 })
  billingStartsOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'L14: when a termination notice was received; null: none.' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  terminationNoticeOn: string | null;

  @Column({ type: 'int' })
  includedSides: number;

  /** Sides bought with digitisation packs (L15); raised only by a conditional UPDATE with the pack order. */
  @Column({ type: 'int', default: 0 })
  purchasedSides: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}

/** L15: a digitisation pack order; the idempotency key is unique per tenant. */
@ObjectType({ description: 'A digitisation pack order (L15).' })
@Entity({ name: 'digitisation_pack_orders' })
@Index('uq_digitisation_pack_orders_key', ['tenantId', 'idempotencyKey'], { unique: true })
export class DigitisationPackOrder {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenantId: string;

  @Column({ type: 'varchar', length: 100 })
  idempotencyKey: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  packs: number;

  @Field(() => Int, { description: 'Card sides the order added.' })
  @Column({ type: 'int' })
  sides: number;

  @Field(() => DateScalar)
  @Column({ type: 'varchar', length: 10 })
  orderDate: string;

  @Column({ type: 'varchar', length: 36 })
  orderedBy: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  invoiceId: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
