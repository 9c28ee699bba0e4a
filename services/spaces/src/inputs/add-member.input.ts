import { Field, InputType } from 'type-graphql';

@InputType({ description: 'T5: a new member of the tenant; they set their password from the mail.' })
export class AddMemberInput {
  @Field(() => String)
  email: string;

  @Field(() => String)
  name: string;
}
