import { Field, InputType } from 'type-graphql';

@InputType()
export class LinkInvitationInput {
  @Field(() => String, { description: 'The `token` query parameter of the link in the invitation mail.' })
  token: string;
}
