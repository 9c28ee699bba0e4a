import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class UpdateSpaceBodyInput {
  @Field(() => ID)
  spaceId: string;

  @Field(() => String)
  body: string;
}
