import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, type ValueTransformer } from 'typeorm';
import type { CardLanguage, CardState } from '../domain/card-fields.js';

export enum CardLanguageEnum {
  JA = 'ja',
  EN = 'en',
  ZH = 'zh',
}
registerEnumType(CardLanguageEnum, { name: 'CardLanguage', description: 'The language a card is printed in (C1): Japanese, English or Chinese.' });

export enum CardStateEnum {
  SCANNED = 'SCANNED',
  READ = 'READ',
  VERIFIED = 'VERIFIED',
}
registerEnumType(CardStateEnum, { name: 'CardState', description: 'C2: SCANNED (images taken), READ (OCR done), VERIFIED (an operator checked it).' });

/** A list of short strings kept as a JSON array in a text column (dialect-neutral). */
const jsonList: ValueTransformer = {
  to: (value: string[] | null | undefined) => (value && value.length > 0 ? JSON.stringify(value) : null),
  from: (value: string | null) => {
    if (!value) return [];
    try {
      const parsed: unknown = JSON.parse(value);
      return Array.isArray(parsed) ? parsed.map(String) : [];
    } catch {
      return [];
    }
  },
};

/** C1: a business card, owned by the user who exchanged it. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A business card (C1).' })
@Entity({ name: 'cards' })
@Index('ix_cards_tenant_owner', ['tenantId', 'ownerId'])
@Index('ix_cards_tenant_created', ['tenantId', 'createdAt', 'id'])
@Index('ix_cards_tenant_person', ['tenantId', 'personId'])
export class Card {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenantId: string;

  @Column({ type: 'varchar', length: 36 })
  ownerId: string;

  @Field(() => String, { description: "The person's name as printed." })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => String, { nullable: true, description: 'How the name is read (furigana).' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  nameReading: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  company: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  department: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  title: string | null;

  @Field(() => [String])
  @Column({ type: 'text', nullable: true, transformer: jsonList })
  addresses: string[];

  @Field(() => [String])
  @Column({ type: 'text', nullable: true, transformer: jsonList })
  phones: string[];

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Field(() => CardLanguageEnum)
  @Column({ type: 'varchar', length: 2, default: 'ja' })
  language: CardLanguage;

  @Field(() => String, { nullable: true, description: 'When the card was exchanged (YYYY-MM-DD).' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  exchangedOn: string | null;

  /** Where the front image is stored (outside the database); null until a scan or upload. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  frontImageKey: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  backImageKey: string | null;

  @Column({ type: 'int', nullable: true })
  frontImageBytes: number | null;

  @Column({ type: 'int', nullable: true })
  backImageBytes: number | null;

  @Field(() => CardStateEnum)
  @Column({ type: 'varchar', length: 10, default: 'VERIFIED' })
  state: CardState;

  @Field(() => Int, { description: 'Card sides scanned for this card so far, each counted against the quota (L15).' })
  @Column({ type: 'int', default: 0 })
  scannedSides: number;

  /** C3: true when the card is limited to the groups in card_groups. */
  @Column({ type: 'boolean', default: false })
  groupLimited: boolean;

  /** Same person: cards sharing a personId are one person; null on rows from before grouping (the card is its own person). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  personId: string | null;

  /** normaliseForSearch of name, reading, company and email (search on both dialects alike). */
  @Column({ type: 'text', nullable: true })
  searchText: string | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
