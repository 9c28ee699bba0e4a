import { randomUUID } from 'node:crypto';
import { notFoundOf, requireMember } from '@kyodo/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import { importLeaseKey, importRuntimeFor, runImportJob, storeImportPart } from '../card-import-runner.js';
import type { CardsContext } from '../context.js';
import { limitKeepsAuthor } from '../domain/visibility.js';
import { CardImportError, CardImportJob, CardImportStatus } from '../entities/card-import-job.entity.js';
import { AddCardImportPartInput, RunCardImportInput, StartCardImportInput } from '../inputs/card-import.input.js';
import { viewerGroupIdsFromSpaces } from '../peers.js';
import { cardsRefusals } from '../refusals/refusals.js';
import { cardsOwnedIds } from '../owned-ids.js';

/*
 * Upload path (C4): the CSV goes through GraphQL itself, base64 in parts of at most 512 KiB
 * (addCardImportPart). Why: it passes the gateway like any other operation (the gateway and
 * subgraphs cap bodies at 1 MiB, and Hive Gateway needs no multipart set-up), bytes stay bytes
 * (a Shift_JIS file survives untouched; a GraphQL String would force a decode on the client),
 * a lost part is simply sent again, and no second public endpoint or signed URL is needed.
 * The parts are kept in the image store (shared by every replica) until the import succeeds.
 */
const MAX_PART_BYTES = 512 * 1024;
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const ERRORS_SHOWN = 1000;

async function ownJob(ctx: CardsContext, id: string): Promise<CardImportJob | null> {
  const viewer = requireMember(ctx, () => cardsRefusals.refuse('guestsMayNotUseCards'));
  return ctx.dataSource.getRepository(CardImportJob).findOneBy({ id, tenantId: viewer.tenantId, userId: viewer.userId });
}

@Resolver(() => CardImportJob)
export class CardImportResolver {
  @Mutation(() => CardImportJob, { description: 'Starts a CSV import of cards (C4); members only.' })
  async startCardImport(@Arg('input', () => StartCardImportInput) input: StartCardImportInput, @Ctx() ctx: CardsContext): Promise<CardImportJob> {
    const viewer = requireMember(ctx, () => cardsRefusals.refuse('guestsMayNotUseCards'));
    const groupIds = [...new Set(input.visibleToGroupIds ?? [])];
    if (groupIds.length > 0 && !limitKeepsAuthor(groupIds, await viewerGroupIdsFromSpaces(ctx))) {
      throw cardsRefusals.refuse('importGroupsExcludeAuthor');
    }
    const id = randomUUID();
    return ctx.dataSource.transaction(async (manager) => {
      await manager.insert(CardImportJob, {
        id,
        tenantId: viewer.tenantId,
        userId: viewer.userId,
        status: CardImportStatus.UPLOADING,
        encoding: input.encoding ?? 'AUTO',
        groupIds: groupIds.length > 0 ? JSON.stringify(groupIds) : null,
      });
      return manager.findOneByOrFail(CardImportJob, { id });
    });
  }

  @Mutation(() => CardImportJob, { description: 'Adds the next part of the file (base64, at most 512 KiB each, 20 MiB in all).' })
  async addCardImportPart(@Arg('input', () => AddCardImportPartInput) input: AddCardImportPartInput, @Ctx() ctx: CardsContext): Promise<CardImportJob> {
    const job = await ownJob(ctx, input.jobId);
    if (!job) throw notFoundOf(cardsOwnedIds, 'CardImportJob');
    if (job.status !== CardImportStatus.UPLOADING) throw cardsRefusals.refuse('importAlreadyRun');
    if (input.part < job.parts) return job;
    if (input.part !== job.parts) throw cardsRefusals.refuse('importPartOutOfOrder', { next: job.parts, given: input.part });
    if (!/^[A-Za-z0-9+/=\r\n]*$/.test(input.base64)) throw cardsRefusals.refuse('importPartNotBase64');
    const bytes = Buffer.from(input.base64, 'base64');
    if (bytes.length === 0) throw cardsRefusals.refuse('importPartEmpty');
    if (bytes.length > MAX_PART_BYTES) throw cardsRefusals.refuse('importPartTooLarge', { maxKiB: MAX_PART_BYTES / 1024, bytes: bytes.length });
    if (job.bytes + bytes.length > MAX_FILE_BYTES) throw cardsRefusals.refuse('importFileTooLarge', { maxMiB: MAX_FILE_BYTES / 1024 / 1024 });
    await storeImportPart(importRuntimeFor(ctx).store, job.id, input.part, bytes);
    return ctx.dataSource.transaction(async (manager) => {
      const moved = await manager.update(CardImportJob, { id: job.id, parts: job.parts, status: CardImportStatus.UPLOADING }, { parts: job.parts + 1, bytes: job.bytes + bytes.length });
      if (!moved.affected) throw cardsRefusals.refuse('importPartRace');
      return manager.findOneByOrFail(CardImportJob, { id: job.id });
    });
  }

  @Mutation(() => CardImportJob, {
    description:
      'Runs the import as a job: a dry run checks every row and reports each bad one by line; a real run writes all rows or, if any row is bad, none (C4). Poll cardImportJob for progress.',
  })
  async runCardImport(@Arg('input', () => RunCardImportInput) input: RunCardImportInput, @Ctx() ctx: CardsContext): Promise<CardImportJob> {
    const job = await ownJob(ctx, input.jobId);
    if (!job) throw notFoundOf(cardsOwnedIds, 'CardImportJob');
    if (job.parts === 0) throw cardsRefusals.refuse('importNoFile');
    const runnable = [CardImportStatus.UPLOADING, CardImportStatus.CHECKED, CardImportStatus.FAILED];
    const refusal = () => cardsRefusals.refuse(job.status === CardImportStatus.SUCCEEDED ? 'importAlreadySucceeded' : 'importAlreadyRunning');
    const runtime = importRuntimeFor(ctx);
    const leaseKey = importLeaseKey(job.id);
    // the lease before the status: another replica's take-over never finds this job running without a holder
    if (runtime.running.has(job.id) || !(await runtime.leases.claim(leaseKey))) throw refusal();
    const claimed = await ctx.dataSource.transaction((manager) =>
      manager.update(CardImportJob, { id: job.id, status: In(runnable) }, { status: CardImportStatus.CHECKING, dryRun: input.dryRun, processedRows: 0, errorCount: 0, language: ctx.language }),
    );
    if (!claimed.affected) {
      await runtime.leases.release(leaseKey);
      throw refusal();
    }
    // the job runs here after this answer (the lease is this replica's); the client polls cardImportJob(id).
    // A run that cannot start (the database went away) is logged; its lease expires and another replica takes it over
    runImportJob(runtime, job.id).catch((error: unknown) => runtime.logger.error('card import could not start', { jobId: job.id, error: error instanceof Error ? error.message : String(error) }));
    return ctx.dataSource.getRepository(CardImportJob).findOneByOrFail({ id: job.id });
  }

  @Query(() => CardImportJob, { nullable: true, description: 'An import the viewer started; null for anyone else.' })
  async cardImportJob(@Arg('id', () => ID) id: string, @Ctx() ctx: CardsContext): Promise<CardImportJob | null> {
    return ownJob(ctx, id);
  }

  @FieldResolver(() => [CardImportError], { description: `Bad rows by line (the first ${ERRORS_SHOWN}; errorCount has them all).` })
  async errors(@Root() job: CardImportJob, @Ctx() ctx: CardsContext, @Arg('first', () => Int, { nullable: true }) first?: number | null): Promise<CardImportError[]> {
    const take = Math.min(Math.max(first ?? ERRORS_SHOWN, 1), ERRORS_SHOWN);
    return ctx.dataSource.getRepository(CardImportError).find({ where: { jobId: job.id }, order: { line: 'ASC' }, take });
  }
}
