import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** User is owned by spaces; cards adds the card count to it by key. */
@Directive('@key(fields: "id")')
@ObjectType('User')
export class UserRef {
  @Field(() => ID)
  id: string;
}
