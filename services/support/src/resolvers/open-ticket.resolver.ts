import type { Viewer } from '@kyodo/auth';
import { requireViewer } from '@kyodo/subgraph-kit';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { channelRefusal, emailLicenceRefusal } from '../domain/intake.js';
import { findCategory, unknownCategoryRefusal } from '../domain/scope.js';
import { isSupportAgent } from '../domain/ticket-access.js';
import { TicketPriority } from '../entities/enums.js';
import { SupportLicence } from '../entities/support-licence.entity.js';
import { SupportRegistrant } from '../entities/support-registrant.entity.js';
import { Ticket } from '../entities/ticket.entity.js';
import { OpenTicketInput } from '../inputs/open-ticket.input.js';
import { supportRefusals } from '../refusals/refusals.js';
import type { SupportContext } from '../context.js';
import { publishTicketUpdated } from '../ticket-live.js';
import { checkAttachments, checkProductVersion, checkText, insertTicket, MAX_BODY, MAX_SUBJECT } from '../ticket-store.js';
import type { EntityManager } from 'typeorm';

/** Who the ticket is for: a customer opens for themselves; an agent names the registrant they speak for. */
async function resolveRequester(manager: EntityManager, viewer: Viewer, requesterId: string | null | undefined): Promise<{ tenantId: string; requesterId: string }> {
  if (isSupportAgent(viewer)) {
    if (!requesterId) throw supportRefusals.refuse('requesterRequired');
    const registrant = await manager.findOneBy(SupportRegistrant, { userId: requesterId });
    if (!registrant) throw supportRefusals.refuse('requesterNotRegistrant', { userId: requesterId });
    return { tenantId: registrant.tenantId, requesterId };
  }
  if (viewer.kind !== 'MEMBER') throw supportRefusals.refuse('guestsCannotContactSupport');
  if (requesterId && requesterId !== viewer.userId) throw supportRefusals.refuse('onBehalfAgentsOnly');
  const registered = await manager.existsBy(SupportRegistrant, { userId: viewer.userId, tenantId: viewer.tenantId });
  if (!registered) throw supportRefusals.refuse('notARegistrant');
  return { tenantId: viewer.tenantId, requesterId: viewer.userId };
}

@Resolver()
export class OpenTicketResolver {
  @Mutation(() => Ticket, {
    description:
      'Opens a ticket (P1-P7). Customers: support registrants only, ONLINE or EMAIL (EMAIL needs the customer number, P3). Agents: for a registrant (requesterId), PHONE, EMAIL or REMOTE.',
  })
  async openTicket(@Arg('input', () => OpenTicketInput) input: OpenTicketInput, @Ctx() ctx: SupportContext): Promise<Ticket> {
    const viewer = requireViewer(ctx);
    const now = ctx.clock.now();
    const calendar = await ctx.loaders.calendar();
    const ticket = await ctx.dataSource.transaction(async (manager) => {
      const { tenantId, requesterId } = await resolveRequester(manager, viewer, input.requesterId);
      const refusal = channelRefusal(input.channel, isSupportAgent(viewer) ? 'AGENT' : 'CUSTOMER');
      if (refusal) throw supportRefusals.refuseWith(refusal);
      const category = findCategory(input.category.trim().toUpperCase());
      if (!category) {
        const unknown = unknownCategoryRefusal(input.category);
        throw supportRefusals.refuseWith(unknown);
      }
      const productId = input.productId.trim();
      await checkProductVersion(manager, productId, input.productVersion, now);
      if (input.channel === 'EMAIL') {
        const licences = await manager.findBy(SupportLicence, { tenantId });
        const licenceRefusal = emailLicenceRefusal(input.customerNumber, productId, licences);
        if (licenceRefusal) throw supportRefusals.refuseWith(licenceRefusal);
      }
      return insertTicket(
        manager,
        {
          tenantId,
          requesterId,
          submitterId: viewer.userId,
          channel: input.channel,
          category,
          productId,
          productVersion: input.productVersion,
          subject: checkText(input.subject, 'subject', MAX_SUBJECT),
          body: checkText(input.body, 'body', MAX_BODY),
          environment: input.environment,
          priority: input.priority ?? TicketPriority.NORMAL,
          attachments: checkAttachments(input.attachments),
        },
        now,
        calendar,
      );
    });
    await publishTicketUpdated(ctx, ticket);
    return ticket;
  }
}
