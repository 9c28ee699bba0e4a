import { MultiLineText } from '@kyodo/subgraph-kit';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class UpdateThreadInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  @MultiLineText()
  body?: string | null;
}
