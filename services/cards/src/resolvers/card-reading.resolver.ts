import { requireMember } from '@kyodo/subgraph-kit';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { requireVisibleCard } from '../card-access.js';
import type { CardsContext } from '../context.js';
import { checkCardFields, searchTextOf, type RawCardFields } from '../domain/card-fields.js';
import { stateAfter, stateBefore, stepRefusal } from '../domain/card-state.js';
import { parseCardText } from '../domain/card-text.js';
import { Card } from '../entities/card.entity.js';
import { imageStoreFor } from '../image-store.js';
import { VerifyCardInput } from '../inputs/card.input.js';
import { cardReader } from '../ocr/tesseract-card-reader.js';
import { fieldProblemsRefusal } from '../refusals/field-problems.js';
import { cardsRefusals } from '../refusals/refusals.js';

const empty = (value: unknown) => value == null || value === '' || (Array.isArray(value) && value.length === 0);

/** C2: moves a card one step, only from the state before it (a conditional UPDATE: two operators racing cannot both pass). */
async function moveCard(ctx: CardsContext, card: Card, step: 'read' | 'verify', fields: RawCardFields): Promise<Card> {
  const { fields: checked, problems } = checkCardFields(fields);
  const refusal = fieldProblemsRefusal(problems);
  if (refusal) throw refusal;
  return ctx.dataSource.transaction(async (manager) => {
    const moved = await manager.update(Card, { id: card.id, tenantId: card.tenantId, state: stateBefore(step) }, { ...checked, searchText: searchTextOf(checked), state: stateAfter(step) });
    if (!moved.affected) {
      const now = await manager.findOneBy(Card, { id: card.id });
      const refused = stepRefusal(step, now?.state ?? card.state);
      throw refused ? cardsRefusals.refuseWith(refused) : cardsRefusals.refuse('cardChangedMeanwhile');
    }
    return manager.findOneByOrFail(Card, { id: card.id });
  });
}

@Resolver(() => Card)
export class CardReadingResolver {
  @Mutation(() => Card, {
    description: 'C2: reads a SCANNED card\'s images by OCR and fills the fields still empty (a field OCR gets wrong is left empty); the card becomes READ. Any other state: CONFLICT.',
  })
  async readCard(@Arg('id', () => ID) id: string, @Ctx() ctx: CardsContext): Promise<Card> {
    requireMember(ctx, () => cardsRefusals.refuse('guestsMayNotUseCards'));
    const card = await requireVisibleCard(ctx, id);
    const refused = stepRefusal('read', card.state);
    if (refused) throw cardsRefusals.refuseWith(refused);
    if (!card.frontImageKey) throw cardsRefusals.refuse('cardHasNoFrontImage');
    const store = imageStoreFor(ctx.deps);
    const texts: string[] = [];
    for (const key of [card.frontImageKey, card.backImageKey]) {
      const bytes = key ? await store.get(key) : null;
      if (bytes) texts.push(await cardReader().readText(bytes));
    }
    const read = parseCardText(texts.join('\n'));
    const filled: RawCardFields = { ...card };
    const found: Partial<RawCardFields> = { company: read.company, title: read.title, email: read.email, url: read.url, phones: read.phones };
    for (const [field, value] of Object.entries(found)) {
      if (empty(filled[field as keyof RawCardFields]) && !empty(value)) {
        const trial = { ...filled, [field]: value };
        // what OCR read but the field rules refuse (an e-mail with a misread character...) stays for the operator
        if (checkCardFields(trial).problems.length === 0) Object.assign(filled, { [field]: value });
      }
    }
    return moveCard(ctx, card, 'read', filled);
  }

  @Mutation(() => Card, { description: 'C2: an operator (a member who may see the card, C3) checks a READ card, with corrections if any; it becomes VERIFIED. Any other state: CONFLICT.' })
  async verifyCard(@Arg('input', () => VerifyCardInput) input: VerifyCardInput, @Ctx() ctx: CardsContext): Promise<Card> {
    requireMember(ctx, () => cardsRefusals.refuse('guestsMayNotUseCards'));
    const card = await requireVisibleCard(ctx, input.id);
    const refused = stepRefusal('verify', card.state);
    if (refused) throw cardsRefusals.refuseWith(refused);
    const given = Object.fromEntries(Object.entries(input).filter(([key, value]) => key !== 'id' && value !== undefined)) as RawCardFields;
    return moveCard(ctx, card, 'verify', { ...card, ...given });
  }
}
