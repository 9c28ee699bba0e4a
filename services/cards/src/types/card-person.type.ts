import { Field, ID, ObjectType } from 'type-graphql';
import { Card } from '../entities/card.entity.js';

@ObjectType({ description: 'Same person: the cards of one person (same email, or same name and company, or merged by hand), as far as the viewer may see them (C3).' })
export class CardPerson {
  @Field(() => ID)
  id: string;

  @Field(() => Card, { description: 'The newest card.' })
  current: Card;

  @Field(() => [Card], { description: 'The older cards, newest first.' })
  history: Card[];
}
