import { randomUUID } from 'node:crypto';
import { notFoundOf, recordAudit, requireAdmin } from '@kyodo/subgraph-kit';
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { In } from 'typeorm';
import { visibleCardsQuery } from '../card-access.js';
import { exportKey, FILE_LINK_TTL_MS, fileUrl } from '../card-files.js';
import type { CardsContext } from '../context.js';
import { extensionOf, typeOfKey } from '../domain/card-image.js';
import { exportCsv, type ExportRow } from '../domain/card-export.js';
import { readsCards } from '../domain/visibility.js';
import { CardExportGrant } from '../entities/card-export-grant.entity.js';
import { CardGroup } from '../entities/card-group.entity.js';
import type { Card } from '../entities/card.entity.js';
import { imageStoreFor } from '../image-store.js';
import { viewerGroupIds } from '../peers.js';
import { cardsRefusals } from '../refusals/refusals.js';
import { cardsOwnedIds } from '../owned-ids.js';

@ObjectType({ description: 'C5: the cards the viewer may see, every field, as CSV.' })
export class CardExport {
  @Field(() => Int)
  cardCount: number;

  @Field(() => String, { description: 'UTF-8 CSV with a BOM; the columns the import reads back (C4), plus id, state, owner, groups and image keys.' })
  csv: string;
}

@InputType()
export class CardExportPermissionInput {
  @Field(() => ID)
  userId: string;

  @Field(() => Boolean)
  allowed: boolean;
}

@ObjectType({ description: 'C5: a zip of the export, to download from a signed link.' })
export class CardExportFile {
  @Field(() => Int)
  cardCount: number;

  @Field(() => Int)
  sizeBytes: number;

  @Field(() => String, { description: 'Where to GET the zip: a signed link, relative to the cards service, valid for 10 minutes.' })
  url: string;

  @Field(() => Date)
  urlExpiresAt: Date;
}

const BATCH = 1000;

async function mayExport(ctx: CardsContext): Promise<boolean> {
  if (!readsCards(ctx.viewer)) return false;
  return ctx.dataSource.getRepository(CardExportGrant).existsBy({ tenantId: ctx.viewer.tenantId, userId: ctx.viewer.userId });
}

@Resolver()
export class CardExportResolver {
  @Query(() => Boolean, { description: 'Whether the viewer may export cards (C3: its own permission, granted by a tenant administrator).' })
  async canExportCards(@Ctx() ctx: CardsContext): Promise<boolean> {
    return mayExport(ctx);
  }

  @Mutation(() => Boolean, { description: 'Grants or withdraws a member\'s export permission (C3/C5): tenant administrators only. Returns the new setting.' })
  async setCardExportPermission(@Arg('input', () => CardExportPermissionInput) input: CardExportPermissionInput, @Ctx() ctx: CardsContext): Promise<boolean> {
    const viewer = requireAdmin(ctx, () => cardsRefusals.refuse('exportPermissionAdminOnly'));
    if (!/^[0-9a-f-]{36}$/i.test(input.userId)) throw notFoundOf(cardsOwnedIds, 'User');
    await ctx.dataSource.transaction(async (manager) => {
      const before = await manager.existsBy(CardExportGrant, { tenantId: viewer.tenantId, userId: input.userId });
      if (before === input.allowed) return; // nothing changes, nothing to record
      if (input.allowed) await manager.insert(CardExportGrant, { tenantId: viewer.tenantId, userId: input.userId });
      else await manager.delete(CardExportGrant, { tenantId: viewer.tenantId, userId: input.userId });
      // A1: a permission an administrator changed, in the same transaction
      await recordAudit(manager, { at: ctx.clock.now(), actor: viewer, tenantId: viewer.tenantId, action: 'cardExport.permission', subject: `User:${input.userId}`, before: { allowed: before }, after: { allowed: input.allowed } });
    });
    return input.allowed;
  }

  @Query(() => CardExport, { description: 'C5: every card the viewer may see (C3), every field, as CSV. Needs the export permission; guests never.' })
  async exportCards(@Ctx() ctx: CardsContext): Promise<CardExport> {
    await requireExport(ctx);
    const rows: ExportRow[] = [];
    for await (const page of visibleCardPages(ctx)) rows.push(...page.rows);
    return { cardCount: rows.length, csv: exportCsv(rows) };
  }

  @Mutation(() => CardExportFile, {
    description:
      'C5: everything the viewer may see (C3) as a zip: cards.csv (as exportCards) and images/<cardId>-front.jpg / -back.png... Needs the export permission. Answers a signed download link, valid for 10 minutes.',
  })
  async exportCardsZip(@Ctx() ctx: CardsContext): Promise<CardExportFile> {
    await requireExport(ctx);
    const store = imageStoreFor(ctx.deps);
    const rows: ExportRow[] = [];
    const zip = new ZipWriter();
    for await (const page of visibleCardPages(ctx)) {
      rows.push(...page.rows);
      for (const card of page.cards) {
        for (const [side, imageKey] of [['front', card.frontImageKey], ['back', card.backImageKey]] as const) {
          const bytes = imageKey ? await store.get(imageKey) : null;
          if (imageKey && bytes) zip.add(`images/${card.id}-${side}.${extensionOf(typeOfKey(imageKey))}`, bytes, false);
        }
      }
    }
    zip.add('cards.csv', strToU8(exportCsv(rows)), true);
    const bytes = zip.finish();
    const expiresAt = ctx.clock.now().getTime() + FILE_LINK_TTL_MS;
    const key = exportKey(randomUUID(), expiresAt);
    await store.put(key, bytes);
    return { cardCount: rows.length, sizeBytes: bytes.length, url: fileUrl(ctx.deps, { key, kind: 'export', expiresAt }), urlExpiresAt: new Date(expiresAt) };
  }
}

/** fflate's streaming Zip gathered into one buffer: images are stored as they are (already compressed), the CSV deflated. */
class ZipWriter {
  private readonly chunks: Uint8Array[] = [];
  private readonly zip = new Zip((error, chunk) => {
    if (error) throw error;
    this.chunks.push(chunk);
  });

  add(name: string, bytes: Uint8Array, compress: boolean): void {
    const entry = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    this.zip.add(entry);
    entry.push(bytes, true);
  }

  finish(): Buffer {
    this.zip.end();
    return Buffer.concat(this.chunks);
  }
}

async function requireExport(ctx: CardsContext): Promise<void> {
  if (!readsCards(ctx.viewer) || !(await mayExport(ctx))) throw cardsRefusals.refuse('exportNeedsPermission');
}

/** The cards the viewer may see (C3) in keyset pages, with their export rows (groups in one query per page). */
async function* visibleCardPages(ctx: CardsContext): AsyncGenerator<{ cards: Card[]; rows: ExportRow[] }> {
  const viewer = ctx.viewer!;
  const groupIds = await viewerGroupIds(ctx);
  let last: string | null = null;
  for (;;) {
    const qb = visibleCardsQuery(ctx.dataSource.manager, viewer.tenantId, groupIds);
    if (last) qb.andWhere('c.id > :last', { last });
    const page = await qb.orderBy('c.id', 'ASC').limit(BATCH).getMany();
    if (page.length === 0) return;
    const limited = page.filter((c) => c.groupLimited).map((c) => c.id);
    const groups = limited.length > 0 ? await ctx.dataSource.getRepository(CardGroup).findBy({ cardId: In(limited) }) : [];
    const rows = page.map((card) => ({
      id: card.id,
      name: card.name,
      nameReading: card.nameReading,
      company: card.company,
      department: card.department,
      title: card.title,
      addresses: card.addresses.join(';'),
      phones: card.phones.join(';'),
      email: card.email,
      url: card.url,
      notes: card.notes,
      language: card.language,
      exchangedOn: card.exchangedOn,
      state: card.state,
      ownerId: card.ownerId,
      visibleToGroupIds: groups.filter((g) => g.cardId === card.id).map((g) => g.groupId).join(';'),
      frontImage: card.frontImageKey,
      backImage: card.backImageKey,
      createdAt: card.createdAt.toISOString(),
    }));
    yield { cards: page, rows };
    last = page.at(-1)!.id;
    if (page.length < BATCH) return;
  }
}
