import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A card image (C1), kept outside the database.' })
export class CardImage {
  @Field(() => String, { description: 'image/jpeg or image/png.' })
  contentType: string;

  @Field(() => Int)
  sizeBytes: number;

  @Field(() => String, {
    description: 'Where to GET the image: a signed link, relative to the cards service, valid for 10 minutes; handed out only to viewers who may see the card (C3).',
  })
  url: string;

  @Field(() => Date, { description: 'When the link stops working.' })
  urlExpiresAt: Date;
}
