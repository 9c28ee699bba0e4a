import { Field, ObjectType } from 'type-graphql';
import { Tenant } from '../entities/tenant.entity.js';

@ObjectType({ description: 'T4: one tenant in the operators\' list.' })
export class TenantEdge {
  @Field(() => String, { description: 'Opaque: pass it as `after` to continue after this tenant.' })
  cursor: string;

  @Field(() => Tenant)
  node: Tenant;
}

@ObjectType({ description: "Named for the tenant list so it never clashes with another subgraph's page type." })
export class TenantPageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType({ description: 'T4: a page of tenants, newest onboarded first.' })
export class TenantConnection {
  @Field(() => [TenantEdge])
  edges: TenantEdge[];

  @Field(() => TenantPageInfo)
  pageInfo: TenantPageInfo;
}
