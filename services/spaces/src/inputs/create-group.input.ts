import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class CreateGroupInput {
  @Field(() => String)
  name: string;
}

@InputType()
export class GroupMemberInput {
  @Field(() => ID)
  groupId: string;

  @Field(() => ID)
  userId: string;
}
