import { forbidden, notFound, requireAdmin } from '@kyodo/subgraph-kit';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { In } from 'typeorm';
import { visibleCardsQuery } from '../card-access.js';
import type { CardsContext } from '../context.js';
import { exportCsv, type ExportRow } from '../domain/card-export.js';
import { readsCards } from '../domain/visibility.js';
import { CardExportGrant } from '../entities/card-export-grant.entity.js';
import { CardGroup } from '../entities/card-group.entity.js';
import { viewerGroupIds } from '../peers.js';

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
    const viewer = requireAdmin(ctx, 'grant the export permission');
    if (!/^[0-9a-f-]{36}$/i.test(input.userId)) throw notFound('User');
    await ctx.dataSource.transaction(async (manager) => {
      if (input.allowed) {
        if (!(await manager.existsBy(CardExportGrant, { tenantId: viewer.tenantId, userId: input.userId }))) await manager.insert(CardExportGrant, { tenantId: viewer.tenantId, userId: input.userId });
      } else await manager.delete(CardExportGrant, { tenantId: viewer.tenantId, userId: input.userId });
    });
    return input.allowed;
  }

  @Query(() => CardExport, { description: 'C5: every card the viewer may see (C3), every field, as CSV. Needs the export permission; guests never.' })
  async exportCards(@Ctx() ctx: CardsContext): Promise<CardExport> {
    if (!readsCards(ctx.viewer) || !(await mayExport(ctx))) throw forbidden('Exporting cards needs the export permission, which a tenant administrator grants (C3).');
    const groupIds = await viewerGroupIds(ctx);
    const rows: ExportRow[] = [];
    // keyset pages of visible cards, with their groups in one query per page
    let last: string | null = null;
    for (;;) {
      const qb = visibleCardsQuery(ctx.dataSource.manager, ctx.viewer.tenantId, groupIds);
      if (last) qb.andWhere('c.id > :last', { last });
      const page = await qb.orderBy('c.id', 'ASC').limit(BATCH).getMany();
      if (page.length === 0) break;
      const limited = page.filter((c) => c.groupLimited).map((c) => c.id);
      const groups = limited.length > 0 ? await ctx.dataSource.getRepository(CardGroup).findBy({ cardId: In(limited) }) : [];
      for (const card of page) {
        rows.push({
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
        });
      }
      last = page.at(-1)!.id;
      if (page.length < BATCH) break;
    }
    return { cardCount: rows.length, csv: exportCsv(rows) };
  }
}
