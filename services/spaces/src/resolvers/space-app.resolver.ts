import { randomUUID } from 'node:crypto';
import { requireViewer } from '@kyodo/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { enforce, requireSpace, visibleSpace } from '../access.js';
import { refuseSpaceAdministration } from '../domain/spaces.js';
import { SpaceApp } from '../entities/space-app.entity.js';
import { Space } from '../entities/space.entity.js';
import { AddSpaceAppInput } from '../inputs/add-space-app.input.js';
import type { SpacesContext } from '../context.js';
import { refuseInvisibleInName } from '../domain/names.js';
import { spacesRefusals } from '../refusals/refusals.js';

/** S1: the apps of a space, a simple list for now; seen by whoever sees the space (S3). */
@Resolver(() => Space)
export class SpaceAppResolver {
  @FieldResolver(() => [SpaceApp], { description: 'Apps attached to the space, oldest first.' })
  async apps(@Root() space: Space, @Ctx() ctx: SpacesContext): Promise<SpaceApp[]> {
    return ctx.loaders.appsBySpace.load(space.id);
  }

  @Mutation(() => SpaceApp, { description: 'Attaches an app to a space: its administrators only; never a guest (S5: space settings).' })
  async addSpaceApp(@Arg('input', () => AddSpaceAppInput) input: AddSpaceAppInput, @Ctx() ctx: SpacesContext): Promise<SpaceApp> {
    const { viewer, space, membership } = await requireSpace(ctx, input.spaceId);
    enforce(refuseSpaceAdministration(viewer, membership, 'addApps'));
    const name = input.name.trim();
    if (!name || name.length > 100) throw spacesRefusals.refuse('appNameLength');
    const invisible = refuseInvisibleInName(name);
    if (invisible) throw spacesRefusals.refuseWith(invisible);
    const row = { id: randomUUID(), spaceId: space.id, name, createdBy: viewer.userId };
    return ctx.dataSource.transaction(async (manager) => {
      await manager.insert(SpaceApp, row);
      return manager.findOneByOrFail(SpaceApp, { id: row.id });
    });
  }

  @Mutation(() => Boolean, { description: 'Removes an app from a space: its administrators only; never a guest (S5).' })
  async removeSpaceApp(@Arg('id', () => ID) id: string, @Ctx() ctx: SpacesContext): Promise<boolean> {
    requireViewer(ctx);
    const app = await ctx.dataSource.getRepository(SpaceApp).findOneBy({ id });
    // an app in a space the viewer cannot see does not exist for them
    if (!app || !(await visibleSpace(ctx, app.spaceId))) throw spacesRefusals.refuse('appNotFound');
    const { viewer, membership } = await requireSpace(ctx, app.spaceId);
    enforce(refuseSpaceAdministration(viewer, membership, 'removeApps'));
    await ctx.dataSource.transaction((manager) => manager.delete(SpaceApp, { id: app.id }));
    return true;
  }
}
