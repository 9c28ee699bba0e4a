import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class RemoveGuestInput {
  @Field(() => ID)
  spaceId: string;

  @Field(() => ID)
  userId: string;
}
