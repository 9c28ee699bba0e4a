import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class UpdateThreadInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  body?: string | null;
}
