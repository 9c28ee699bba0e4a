import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A1: who made an audited change.' })
export class AuditActor {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "The person's name (their email address when no name is known; the id when the account is gone)." })
  display: string;
}

@ObjectType({ description: 'A1: one audited change to people, permissions, licences, contracts, prices, the support catalogue or closing days. Never edited or deleted.' })
export class AuditEntry {
  @Field(() => ID)
  id: string;

  @Field(() => Date, { description: 'When, in UTC.' })
  at: Date;

  @Field(() => AuditActor)
  actor: AuditActor;

  @Field(() => ID, { nullable: true, description: "The tenant whose data changed; null for the vendor's own data (price rows, the support catalogue, closing days)." })
  tenantId: string | null;

  @Field(() => String, { description: 'What was done, e.g. guest.invite, guestLicenses.order, priceRow.add.' })
  action: string;

  @Field(() => String, { description: 'What it was done to, as Type:id.' })
  subject: string;

  @Field(() => String, { nullable: true, description: 'The state before, as a JSON string; null when there was none.' })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'The state after, as a JSON string; null when there is none.' })
  after: string | null;
}

@ObjectType()
export class AuditEntryEdge {
  @Field(() => String, { description: 'Opaque: pass it as `after` to continue after this entry.' })
  cursor: string;

  @Field(() => AuditEntry)
  node: AuditEntry;
}

@ObjectType({ description: "Named for the audit log so it never clashes with another subgraph's page type." })
export class AuditPageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType({ description: 'A1: a page of the audit log, newest first.' })
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge])
  edges: AuditEntryEdge[];

  @Field(() => AuditPageInfo)
  pageInfo: AuditPageInfo;
}
