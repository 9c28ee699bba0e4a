import { notFoundOf, requireMember } from '@kyodo/subgraph-kit';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { requireVisibleCard } from '../card-access.js';
import { FILE_LINK_TTL_MS, fileUrl } from '../card-files.js';
import type { CardsContext } from '../context.js';
import { cardImageProblem, typeOfKey } from '../domain/card-image.js';
import { Card } from '../entities/card.entity.js';
import { imageKeyFor, imageStoreFor } from '../image-store.js';
import { CardSideEnum, SetCardImageInput } from '../inputs/card.input.js';
import { cardsRefusals } from '../refusals/refusals.js';
import { CardImage } from '../types/card-image.type.js';
import { cardsOwnedIds } from '../owned-ids.js';

/*
 * Upload path (C1): the image goes through GraphQL as one base64 string (setCardImage), not in
 * parts like the CSV import. A card image is small (100-400 KiB as a 300 dpi JPEG), so one request
 * under the 1 MiB body cap of the gateway and subgraphs carries it whole: no upload session to
 * keep, nothing half-uploaded to clean up, and it passes the gateway like any other operation
 * (no multipart set-up, no second public endpoint to sign uploads for). The price is a 700 KiB
 * limit per image; should larger images be needed, the import's part mechanism is the way.
 * The bytes are checked by magic bytes and size, never by what the client says they are.
 */

function imageOf(ctx: CardsContext, key: string | null, sizeBytes: number | null): CardImage | null {
  if (!key) return null;
  const expiresAt = ctx.clock.now().getTime() + FILE_LINK_TTL_MS;
  return { contentType: typeOfKey(key), sizeBytes: sizeBytes ?? 0, url: fileUrl(ctx.deps, { key, kind: 'image', expiresAt }), urlExpiresAt: new Date(expiresAt) };
}

@Resolver(() => Card)
export class CardImageResolver {
  @Mutation(() => Card, { description: 'Stores the front or back image of a card the viewer may see (C1, C3): JPEG or PNG, at most 700 KiB; replaces the one before.' })
  async setCardImage(@Arg('input', () => SetCardImageInput) input: SetCardImageInput, @Ctx() ctx: CardsContext): Promise<Card> {
    requireMember(ctx, () => cardsRefusals.refuse('guestsMayNotUseCards'));
    const card = await requireVisibleCard(ctx, input.cardId);
    const checked = cardImageProblem(input.base64);
    if ('problem' in checked) throw cardsRefusals.refuseWith(checked.problem);
    const store = imageStoreFor(ctx.deps);
    const key = imageKeyFor(card.tenantId, card.id, input.side, checked.type);
    await store.put(key, checked.bytes);
    const front = input.side === CardSideEnum.FRONT;
    let before: string | null = null;
    try {
      const updated = await ctx.dataSource.transaction(async (manager) => {
        const current = await manager.findOneBy(Card, { id: card.id, tenantId: card.tenantId });
        if (!current) throw notFoundOf(cardsOwnedIds, 'Card');
        before = front ? current.frontImageKey : current.backImageKey;
        await manager.update(Card, { id: card.id }, front ? { frontImageKey: key, frontImageBytes: checked.bytes.length } : { backImageKey: key, backImageBytes: checked.bytes.length });
        return manager.findOneByOrFail(Card, { id: card.id });
      });
      if (before) await store.delete(before).catch((error: unknown) => ctx.logger.warn('could not remove a replaced card image', { key: before, error: String(error) }));
      return updated;
    } catch (error) {
      await store.delete(key).catch(() => undefined);
      throw error;
    }
  }

  @FieldResolver(() => CardImage, { nullable: true, description: 'The front image (C1); null until one is stored.' })
  frontImage(@Root() card: Card, @Ctx() ctx: CardsContext): CardImage | null {
    return imageOf(ctx, card.frontImageKey, card.frontImageBytes);
  }

  @FieldResolver(() => CardImage, { nullable: true, description: 'The back image (C1), if the card has one.' })
  backImage(@Root() card: Card, @Ctx() ctx: CardsContext): CardImage | null {
    return imageOf(ctx, card.backImageKey, card.backImageBytes);
  }
}
