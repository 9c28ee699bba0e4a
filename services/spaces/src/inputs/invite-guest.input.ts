import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class InviteGuestInput {
  @Field(() => ID)
  spaceId: string;

  @Field(() => String)
  email: string;
}
