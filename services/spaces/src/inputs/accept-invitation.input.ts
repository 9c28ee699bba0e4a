import { VerbatimText } from '@kyodo/subgraph-kit';
import { Field, InputType } from 'type-graphql';

@InputType()
export class AcceptInvitationInput {
  @Field(() => String, { description: 'The `token` query parameter of the link in the invitation mail.' })
  token: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'The new password; for an existing guest, their current password.' })
  @VerbatimText()
  password: string;
}
