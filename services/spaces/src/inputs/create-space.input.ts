import { Field, InputType } from 'type-graphql';

@InputType()
export class CreateSpaceInput {
  @Field(() => String)
  name: string;

  @Field(() => Boolean, { description: 'A guest space admits invited guests (S2).' })
  isGuestSpace: boolean;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Only members see a private space (S1).' })
  isPrivate?: boolean | null;
}
