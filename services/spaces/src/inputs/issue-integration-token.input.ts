import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'C6: an integration token for another system (CRM, SFA, groupware) to read cards.' })
export class IssueIntegrationTokenInput {
  @Field(() => String, { description: 'What the token is for, e.g. "CRM sync" (1 to 100 characters).' })
  name: string;

  @Field(() => ID, { nullable: true, description: 'The member of the tenant whose card visibility the token reads with; default: the administrator issuing it.' })
  actAsUserId?: string | null;
}
