import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class AddSpaceAppInput {
  @Field(() => ID)
  spaceId: string;

  @Field(() => String, { description: '1 to 100 characters.' })
  name: string;
}
