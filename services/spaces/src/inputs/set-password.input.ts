import { VerbatimText } from '@kyodo/subgraph-kit';
import { Field, InputType } from 'type-graphql';

@InputType()
export class SetPasswordInput {
  @Field(() => String, { description: 'The `token` query parameter of the link in the set-password mail (T4).' })
  token: string;

  @Field(() => String, { description: 'The new password (at least 10 characters).' })
  @VerbatimText()
  password: string;
}
