import { MultiLineText } from '@kyodo/subgraph-kit';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class AddCommentInput {
  @Field(() => ID)
  threadId: string;

  @Field(() => String)
  @MultiLineText()
  text: string;
}
