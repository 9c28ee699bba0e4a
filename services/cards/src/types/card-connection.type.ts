import { Field, ObjectType } from 'type-graphql';
import { Card } from '../entities/card.entity.js';

@ObjectType()
export class CardEdge {
  @Field(() => String, { description: 'Opaque: pass it as `after` to continue after this card.' })
  cursor: string;

  @Field(() => Card)
  node: Card;
}

@ObjectType({ description: "Named for cards so it never clashes with another subgraph's page type." })
export class CardPageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType()
export class CardConnection {
  @Field(() => [CardEdge])
  edges: CardEdge[];

  @Field(() => CardPageInfo)
  pageInfo: CardPageInfo;
}
