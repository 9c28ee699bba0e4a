import { MultiLineText } from '@kyodo/subgraph-kit';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class CreateThreadInput {
  @Field(() => ID)
  spaceId: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { nullable: true })
  @MultiLineText()
  body?: string | null;
}
