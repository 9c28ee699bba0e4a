import { MultiLineText } from '@kyodo/subgraph-kit';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class UpdateSpaceBodyInput {
  @Field(() => ID)
  spaceId: string;

  @Field(() => String)
  @MultiLineText()
  body: string;
}
