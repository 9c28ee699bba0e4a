import type { Viewer } from '@kyodo/auth';
import { badInput, forbidden, requireViewer } from '@kyodo/subgraph-kit';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { channelRefusal, emailLicenceRefusal } from '../domain/intake.js';
import { findCategory, unknownCategoryMessage } from '../domain/scope.js';
import { isSupportAgent } from '../domain/ticket-access.js';
import { TicketPriority } from '../entities/enums.js';
import { SupportLicence } from '../entities/support-licence.entity.js';
import { SupportRegistrant } from '../entities/support-registrant.entity.js';
import { Ticket } from '../entities/ticket.entity.js';
import { OpenTicketInput } from '../inputs/open-ticket.input.js';
import type { SupportContext } from '../context.js';
import { publishTicketUpdated } from '../ticket-live.js';
import { checkAttachments, checkProductVersion, checkText, insertTicket, MAX_BODY, MAX_SUBJECT } from '../ticket-store.js';
import type { EntityManager } from 'typeorm';

const NOT_A_REGISTRANT =
  "You are not one of your organisation's support registrants, so you cannot open support tickets (P1). Ask your administrator to add you as a support registrant.";

/** Who the ticket is for: a customer opens for themselves; an agent names the registrant they speak for. */
async function resolveRequester(manager: EntityManager, viewer: Viewer, requesterId: string | null | undefined): Promise<{ tenantId: string; requesterId: string }> {
  if (isSupportAgent(viewer)) {
    if (!requesterId) throw badInput("An agent opens a ticket on a customer's behalf: give requesterId, the customer's support registrant.", 'requesterId');
    const registrant = await manager.findOneBy(SupportRegistrant, { userId: requesterId });
    if (!registrant) throw badInput(`User ${requesterId} is not a support registrant of any customer, so no ticket can be opened for them (P1).`, 'requesterId');
    return { tenantId: registrant.tenantId, requesterId };
  }
  if (viewer.kind !== 'MEMBER') throw forbidden('Guests cannot contact support (P1): only the support registrants named by the organisation\'s administrator can.');
  if (requesterId && requesterId !== viewer.userId) throw forbidden('Only support agents open tickets on someone else\'s behalf; leave requesterId out to open one for yourself.');
  const registered = await manager.existsBy(SupportRegistrant, { userId: viewer.userId, tenantId: viewer.tenantId });
  if (!registered) throw forbidden(NOT_A_REGISTRANT);
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
      if (refusal) throw badInput(refusal, 'channel');
      const category = findCategory(input.category.trim().toUpperCase());
      if (!category) throw badInput(unknownCategoryMessage(input.category), 'category');
      const productId = input.productId.trim();
      await checkProductVersion(manager, productId, input.productVersion, now);
      if (input.channel === 'EMAIL') {
        const licences = await manager.findBy(SupportLicence, { tenantId });
        const licenceRefusal = emailLicenceRefusal(input.customerNumber, productId, licences);
        if (licenceRefusal) throw badInput(licenceRefusal, 'customerNumber');
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
