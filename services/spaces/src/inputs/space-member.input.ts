import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class SpaceMemberInput {
  @Field(() => ID)
  spaceId: string;

  @Field(() => ID)
  userId: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Make the user an administrator of the space (members only).' })
  isSpaceAdmin?: boolean | null;
}
