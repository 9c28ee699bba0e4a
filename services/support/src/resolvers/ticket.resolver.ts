import { notFoundOf, pageSize, requireMember, requireViewer, SURVIVES_OUTAGE } from '@kyodo/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { closeSolvedTickets } from '../auto-close.js';
import type { SupportContext } from '../context.js';
import { JAPANESE_ONLY_NOTICE } from '../domain/language.js';
import { canSeeTicket, isSupportAgent } from '../domain/ticket-access.js';
import { isLate } from '../domain/ticket-lifecycle.js';
import { TicketReply } from '../entities/ticket-reply.entity.js';
import { Ticket, TicketEnvironment } from '../entities/ticket.entity.js';
import { UserRef } from '../entities/user.type.js';
import { supportRefusals } from '../refusals/refusals.js';
import { publishTicketUpdated, ticketUpdatedEvents } from '../ticket-live.js';
import { supportQueuePage, tenantTicketsPage } from '../ticket-queries.js';
import { TicketConnection } from '../types/ticket-connection.type.js';
import { supportOwnedIds } from '../owned-ids.js';

const userRef = (id: string): UserRef => ({ id });

@Resolver(() => Ticket)
export class TicketResolver {
  @Query(() => Ticket, { nullable: true, description: "A ticket: customers see their own tenant's, agents any. NOT_FOUND otherwise, so existence never leaks." })
  async ticket(@Arg('id', () => ID) id: string, @Ctx() ctx: SupportContext): Promise<Ticket> {
    requireViewer(ctx);
    await closeSolvedTickets(ctx.dataSource.manager, ctx.clock.now(), (closed) => publishTicketUpdated(ctx, closed));
    const ticket = await ctx.loaders.ticketById.load(id);
    if (!ticket) throw notFoundOf(supportOwnedIds, 'Ticket');
    return ticket;
  }

  @Query(() => TicketConnection, { ...SURVIVES_OUTAGE, description: "The signed-in customer's organisation's tickets, newest first." })
  async myTickets(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: SupportContext,
  ): Promise<TicketConnection> {
    const viewer = requireMember(ctx, () => supportRefusals.refuse('guestsMayNotUseSupport'));
    const size = pageSize(first);
    await closeSolvedTickets(ctx.dataSource.manager, ctx.clock.now(), (closed) => publishTicketUpdated(ctx, closed));
    return tenantTicketsPage(ctx.dataSource.manager, viewer.tenantId, size, after);
  }

  @Query(() => TicketConnection, {
    ...SURVIVES_OUTAGE,
    description: 'Agents only: every tenant\'s tickets still being worked on (NEW, OPEN, PENDING), late ones first (P7), then by due time. first: at most 100.',
  })
  async supportQueue(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('lateOnly', () => Boolean, { nullable: true }) lateOnly: boolean | null,
    @Ctx() ctx: SupportContext,
  ): Promise<TicketConnection> {
    const viewer = requireViewer(ctx);
    if (!isSupportAgent(viewer)) throw supportRefusals.refuse('queueAgentsOnly');
    const size = pageSize(first);
    const now = ctx.clock.now();
    await closeSolvedTickets(ctx.dataSource.manager, now, (closed) => publishTicketUpdated(ctx, closed));
    return supportQueuePage(ctx.dataSource.manager, now, size, after, lateOnly ?? false);
  }

  @Subscription(() => Ticket, {
    description: "Each ticket opened or changed from now on (replies, status, assignment, auto-close): agents every tenant's, customers their own organisation's, by the same rule as ticket.",
    subscribe: ({ context }) => ticketUpdatedEvents(context as SupportContext),
  })
  ticketUpdated(@Root() ticket: Ticket): Ticket {
    return ticket;
  }

  @FieldResolver(() => UserRef, { description: 'Who the ticket is for: a support registrant of the customer (P1).' })
  requester(@Root() ticket: Ticket): UserRef {
    return userRef(ticket.requesterId);
  }

  @FieldResolver(() => UserRef, { description: 'Who entered it: the requester, or the agent who took a call on their behalf.' })
  submitter(@Root() ticket: Ticket): UserRef {
    return userRef(ticket.submitterId);
  }

  @FieldResolver(() => UserRef, { nullable: true, description: 'The agent working on it.' })
  assignee(@Root() ticket: Ticket): UserRef | null {
    return ticket.assigneeId ? userRef(ticket.assigneeId) : null;
  }

  @FieldResolver(() => [TicketReply], { description: 'Oldest first. Internal notes only for support agents.' })
  async replies(@Root() ticket: Ticket, @Ctx() ctx: SupportContext): Promise<TicketReply[]> {
    return ctx.loaders.repliesByTicketId.load(ticket.id);
  }

  @FieldResolver(() => Boolean, { description: 'P7: past due and no public reply from the support side yet.' })
  isLate(@Root() ticket: Ticket, @Ctx() ctx: SupportContext): boolean {
    return isLate(ticket, ctx.clock.now());
  }

  @FieldResolver(() => String, { nullable: true, description: 'P2: for a ticket without Japanese, the notice that support answers in Japanese only.' })
  languageNotice(@Root() ticket: Ticket): string | null {
    return ticket.needsJapanese ? JAPANESE_ONLY_NOTICE : null;
  }

  @FieldResolver(() => TicketEnvironment)
  environment(@Root() ticket: Ticket): TicketEnvironment {
    return {
      serverOs: ticket.envServerOs,
      serverOsVersion: ticket.envServerOsVersion,
      webServer: ticket.envWebServer,
      webServerVersion: ticket.envWebServerVersion,
      documentRoot: ticket.envDocumentRoot,
      installFolder: ticket.envInstallFolder,
      productVersion: ticket.envProductVersion,
      registeredUsers: ticket.envRegisteredUsers,
    };
  }

  @FieldResolver(() => Ticket, { nullable: true, description: 'The CLOSED ticket this one follows up (P8).' })
  async followUpOf(@Root() ticket: Ticket, @Ctx() ctx: SupportContext): Promise<Ticket | null> {
    if (!ticket.followUpOfId) return null;
    const original = await ctx.loaders.ticketById.load(ticket.followUpOfId);
    return original && canSeeTicket(ctx.viewer, original) ? original : null;
  }
}

@Resolver(() => TicketReply)
export class TicketReplyResolver {
  @FieldResolver(() => UserRef, { nullable: true, description: 'Null for the automatic standard answer (P4).' })
  author(@Root() reply: TicketReply): UserRef | null {
    return reply.authorId ? userRef(reply.authorId) : null;
  }
}
