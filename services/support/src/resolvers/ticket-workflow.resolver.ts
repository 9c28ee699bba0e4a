import { randomUUID } from 'node:crypto';
import { requireViewer } from '@kyodo/subgraph-kit';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { SupportContext } from '../context.js';
import { findCategory } from '../domain/scope.js';
import { isSupportAgent } from '../domain/ticket-access.js';
import { AUTO_CLOSE_DAYS, statusAfterAgentReply, statusAfterCustomerReply } from '../domain/ticket-lifecycle.js';
import { TicketStatus } from '../entities/enums.js';
import { SupportRegistrant } from '../entities/support-registrant.entity.js';
import { TicketReply } from '../entities/ticket-reply.entity.js';
import { Ticket } from '../entities/ticket.entity.js';
import { publishTicketUpdated } from '../ticket-live.js';
import { AssignTicketInput, ReplyToTicketInput, SetTicketPriorityInput, SetTicketStatusInput } from '../inputs/ticket-actions.input.js';
import { supportRefusals } from '../refusals/refusals.js';
import {
  checkAttachments,
  checkProductVersion,
  checkText,
  environmentOf,
  insertTicket,
  loadTicketForUpdate,
  MAX_BODY,
  MAX_SUBJECT,
  moveTicket,
  nextReplyPosition,
} from '../ticket-store.js';

@Resolver()
export class TicketWorkflowResolver {
  @Mutation(() => Ticket, {
    description:
      'A public reply or (agents) an internal note. An agent\'s first public reply meets the deadline (P7) and opens a NEW ticket; a customer reply reopens PENDING and SOLVED tickets; a customer reply to a CLOSED ticket opens a follow-up ticket, which is returned (P8).',
  })
  async replyToTicket(@Arg('input', () => ReplyToTicketInput) input: ReplyToTicketInput, @Ctx() ctx: SupportContext): Promise<Ticket> {
    const viewer = requireViewer(ctx);
    const agent = isSupportAgent(viewer);
    const internal = input.internal ?? false;
    if (internal && !agent) throw supportRefusals.refuse('internalNotesAgentsOnly');
    const body = checkText(input.body, 'body', MAX_BODY);
    const attachments = checkAttachments(input.attachments);
    const now = ctx.clock.now();
    const calendar = await ctx.loaders.calendar();
    const changed = await ctx.dataSource.transaction(async (manager) => {
      const ticket = await loadTicketForUpdate(manager, viewer, input.ticketId, now);
      if (!agent) {
        const registered = await manager.existsBy(SupportRegistrant, { userId: viewer.userId, tenantId: viewer.tenantId });
        if (!registered) throw supportRefusals.refuse('replyRegistrantsOnly');
      }
      const changes: Partial<Ticket> = {};
      if (agent && !internal) {
        if (ticket.status === 'CLOSED') throw supportRefusals.refuse('closedNoReply');
        const next = statusAfterAgentReply(ticket.status);
        if (next !== ticket.status) Object.assign(changes, moveTicket(ticket, next, now));
        if (!ticket.firstResponseAt) changes.firstResponseAt = ticket.firstResponseAt = now;
        if (!ticket.assigneeId) changes.assigneeId = ticket.assigneeId = viewer.userId;
      } else if (!agent) {
        const next = statusAfterCustomerReply(ticket.status);
        if (next === 'FOLLOW_UP') {
          // CLOSED is final: the reply starts a new ticket that points back at this one
          await checkProductVersion(manager, ticket.productId, ticket.productVersion, now);
          return insertTicket(
            manager,
            {
              tenantId: ticket.tenantId,
              requesterId: viewer.userId,
              submitterId: viewer.userId,
              channel: 'ONLINE',
              category: findCategory(ticket.category)!,
              productId: ticket.productId,
              productVersion: ticket.productVersion,
              subject: `Follow-up: ${ticket.subject}`.slice(0, MAX_SUBJECT),
              body,
              environmentColumns: environmentOf(ticket),
              priority: ticket.priority,
              attachments,
              followUpOfId: ticket.id,
            },
            now,
            calendar,
          );
        }
        if (next !== ticket.status) Object.assign(changes, moveTicket(ticket, next, now));
      }
      await manager.insert(TicketReply, {
        id: randomUUID(),
        ticketId: ticket.id,
        position: await nextReplyPosition(manager, ticket.id),
        authorId: viewer.userId,
        body,
        internal,
        fromSupport: agent,
        createdAt: now,
      });
      if (attachments.length > 0) changes.attachments = ticket.attachments = [...ticket.attachments, ...attachments];
      if (Object.keys(changes).length > 0) await manager.update(Ticket, ticket.id, changes);
      return ticket;
    });
    await publishTicketUpdated(ctx, changed);
    return changed;
  }

  @Mutation(() => Ticket, { description: 'Agents: OPEN, PENDING (waiting on the customer) or SOLVED; illegal transitions are refused with CONFLICT (P8).' })
  async setTicketStatus(@Arg('input', () => SetTicketStatusInput) input: SetTicketStatusInput, @Ctx() ctx: SupportContext): Promise<Ticket> {
    const viewer = requireViewer(ctx);
    if (!isSupportAgent(viewer)) throw supportRefusals.refuse('agentsOnly');
    if (input.status === TicketStatus.CLOSED) {
      throw supportRefusals.refuse('closeByHand', { days: AUTO_CLOSE_DAYS });
    }
    const now = ctx.clock.now();
    const changed = await ctx.dataSource.transaction(async (manager) => {
      const ticket = await loadTicketForUpdate(manager, viewer, input.ticketId, now);
      const changes = moveTicket(ticket, input.status, now);
      await manager.update(Ticket, ticket.id, changes);
      return ticket;
    });
    await publishTicketUpdated(ctx, changed);
    return changed;
  }

  @Mutation(() => Ticket, { description: 'Agents: assigns the ticket (to yourself when assigneeId is left out); a NEW ticket becomes OPEN (P8).' })
  async assignTicket(@Arg('input', () => AssignTicketInput) input: AssignTicketInput, @Ctx() ctx: SupportContext): Promise<Ticket> {
    const viewer = requireViewer(ctx);
    if (!isSupportAgent(viewer)) throw supportRefusals.refuse('agentsOnly');
    const now = ctx.clock.now();
    const changed = await ctx.dataSource.transaction(async (manager) => {
      const ticket = await loadTicketForUpdate(manager, viewer, input.ticketId, now);
      if (ticket.status === 'CLOSED') throw supportRefusals.refuse('closedNoAssign');
      const changes: Partial<Ticket> = { assigneeId: input.assigneeId ?? viewer.userId };
      ticket.assigneeId = changes.assigneeId!;
      if (ticket.status === 'NEW') Object.assign(changes, moveTicket(ticket, 'OPEN', now));
      await manager.update(Ticket, ticket.id, changes);
      return ticket;
    });
    await publishTicketUpdated(ctx, changed);
    return changed;
  }

  @Mutation(() => Ticket, { description: 'Agents: sets how urgent the ticket is.' })
  async setTicketPriority(@Arg('input', () => SetTicketPriorityInput) input: SetTicketPriorityInput, @Ctx() ctx: SupportContext): Promise<Ticket> {
    const viewer = requireViewer(ctx);
    if (!isSupportAgent(viewer)) throw supportRefusals.refuse('agentsOnly');
    const now = ctx.clock.now();
    const changed = await ctx.dataSource.transaction(async (manager) => {
      const ticket = await loadTicketForUpdate(manager, viewer, input.ticketId, now);
      if (ticket.status === 'CLOSED') throw supportRefusals.refuse('closedNoChange');
      ticket.priority = input.priority;
      await manager.update(Ticket, ticket.id, { priority: input.priority });
      return ticket;
    });
    await publishTicketUpdated(ctx, changed);
    return changed;
  }
}
