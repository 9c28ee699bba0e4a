import { Field, InputType } from 'type-graphql';

@InputType()
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'An https URL of the cover image; empty clears it.' })
  coverImageUrl?: string | null;
}
