import { MultiLineText } from '@kyodo/subgraph-kit';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { CardLanguageEnum } from '../entities/card.entity.js';

/**
 * The C1 text fields besides the name, all optional: what a new card may carry and what an
 * update or an operator's check may change (only the fields given change). Never in the schema
 * by itself: only the inputs below, which extend it.
 */
@InputType()
class CardTextFields {
  @Field(() => String, { nullable: true })
  nameReading?: string | null;

  @Field(() => String, { nullable: true })
  company?: string | null;

  @Field(() => String, { nullable: true })
  department?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => [String], { nullable: true })
  addresses?: string[] | null;

  @Field(() => [String], { nullable: true })
  phones?: string[] | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  @MultiLineText()
  notes?: string | null;

  @Field(() => CardLanguageEnum, { nullable: true, description: 'Default JA.' })
  language?: CardLanguageEnum | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  exchangedOn?: string | null;
}

@InputType({ description: 'A new card (C1); visibleToGroupIds limits it to those groups (C3), else the whole tenant sees it.' })
export class CreateCardInput extends CardTextFields {
  @Field(() => String)
  name: string;

  @Field(() => [ID], { nullable: true })
  visibleToGroupIds?: string[] | null;
}

@InputType({ description: 'Changes to a card: only the fields given change; an empty visibleToGroupIds opens the card to the whole tenant.' })
export class UpdateCardInput extends CardTextFields {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [ID], { nullable: true })
  visibleToGroupIds?: string[] | null;
}

@InputType({ description: 'A scan of a card: 1 side (front) or 2 (front and back); each side counts against the quota (L15).' })
export class RecordScanInput {
  @Field(() => ID)
  cardId: string;

  @Field(() => Int)
  sides: number;
}

export enum CardSideEnum {
  FRONT = 'front',
  BACK = 'back',
}
registerEnumType(CardSideEnum, { name: 'CardSide', description: 'The front or the back of a card (C1).' });

@InputType({ description: 'An image of one side of a card (C1): JPEG or PNG, at most 700 KiB, base64 in one string.' })
export class SetCardImageInput {
  @Field(() => ID)
  cardId: string;

  @Field(() => CardSideEnum)
  side: CardSideEnum;

  @Field(() => String, { description: 'The image file, base64-encoded (at most 700 KiB of bytes).' })
  base64: string;
}

@InputType({ description: 'An operator\'s check of a READ card (C2): the corrections, if any (only the fields given change); the card becomes VERIFIED.' })
export class VerifyCardInput extends CardTextFields {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  name?: string | null;
}
