import { Field, Int, ObjectType } from 'type-graphql';

/** S9: a guest account in another tenant, linked to the viewer's member account. */
@ObjectType({ description: "S9: the viewer's guest account in another organisation, reached without a second password." })
export class LinkedAccount {
  @Field(() => String, { description: 'The sub-domain to pass to switchTenant.' })
  tenantSubdomain: string;

  @Field(() => String)
  tenantName: string;

  @Field(() => Int, { description: 'Threads in that tenant\'s guest spaces the linked guest has not read yet (for the header).' })
  unreadCount: number;

  @Field(() => Boolean, { description: "False once the viewer's own organisation's contract has ended: the link no longer works." })
  active: boolean;
}
