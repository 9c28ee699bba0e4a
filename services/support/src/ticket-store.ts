import { randomUUID } from 'node:crypto';
import type { Viewer } from '@kyodo/auth';
import { notFoundOf, rowLockOf } from '@kyodo/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { businessDeadline, tokyoDate, type BusinessCalendar } from './domain/business-calendar.js';
import { endOfSupportRefusal, type ChannelValue } from './domain/intake.js';
import { containsJapanese } from './domain/language.js';
import { outOfScopeAnswer, type SupportCategory } from './domain/scope.js';
import { canSeeTicket } from './domain/ticket-access.js';
import { supportOwnedIds } from './owned-ids.js';
import { isDueForAutoClose, autoCloseAt, transitionRefusal, type TicketStatusValue } from './domain/ticket-lifecycle.js';
import { type TicketPriority } from './entities/enums.js';
import { SupportProduct, SupportProductVersion } from './entities/support-product.entity.js';
import { TicketReply } from './entities/ticket-reply.entity.js';
import { Ticket, type Attachment } from './entities/ticket.entity.js';
import type { AttachmentInput, EnvironmentInput } from './inputs/open-ticket.input.js';
import { supportRefusals } from './refusals/refusals.js';

export const MAX_SUBJECT = 200;
export const MAX_BODY = 20_000;
const MAX_ATTACHMENTS = 10;
const MAX_ATTACHMENT_NAME = 200;

export function checkText(value: string, field: string, max: number): string {
  const text = value.trim();
  if (!text) throw supportRefusals.refuse('textEmpty', { field }, { field });
  if (text.length > max) throw supportRefusals.refuse('textTooLong', { field, length: text.length, max }, { field });
  return text;
}

export function checkAttachments(input: readonly AttachmentInput[] | null | undefined): Attachment[] {
  const list = input ?? [];
  if (list.length > MAX_ATTACHMENTS) throw supportRefusals.refuse('tooManyAttachments', { max: MAX_ATTACHMENTS, given: list.length });
  return list.map((a) => {
    const name = a.name.trim();
    if (!name || name.length > MAX_ATTACHMENT_NAME) throw supportRefusals.refuse('attachmentName', { max: MAX_ATTACHMENT_NAME });
    let url: URL;
    try {
      url = new URL(a.url);
    } catch {
      throw supportRefusals.refuse('attachmentUrlInvalid', { name, url: a.url });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw supportRefusals.refuse('attachmentUrlScheme', { name });
    return { name, url: url.toString() };
  });
}

function environmentColumns(env: EnvironmentInput | null | undefined): Partial<Ticket> {
  const text = (value: string | null | undefined, field: string, max: number) => {
    const trimmed = value?.trim();
    if (!trimmed) return null;
    if (trimmed.length > max) throw supportRefusals.refuse('environmentTooLong', { field, max }, { field: `environment.${field}` });
    return trimmed;
  };
  const users = env?.registeredUsers ?? null;
  if (users !== null && users < 0) throw supportRefusals.refuse('registeredUsersNegative');
  return {
    envServerOs: text(env?.serverOs, 'serverOs', 100),
    envServerOsVersion: text(env?.serverOsVersion, 'serverOsVersion', 50),
    envWebServer: text(env?.webServer, 'webServer', 100),
    envWebServerVersion: text(env?.webServerVersion, 'webServerVersion', 50),
    envDocumentRoot: text(env?.documentRoot, 'documentRoot', 500),
    envInstallFolder: text(env?.installFolder, 'installFolder', 500),
    envProductVersion: text(env?.productVersion, 'productVersion', 50),
    envRegisteredUsers: users,
  };
}

/** P5: the product and version must be in the catalogue and still supported on the Tokyo day of `now`. */
export async function checkProductVersion(manager: EntityManager, productId: string, version: string, now: Date): Promise<void> {
  const product = await manager.findOneBy(SupportProduct, { id: productId });
  if (!product) {
    const known = (await manager.find(SupportProduct, { order: { id: 'ASC' } })).map((p) => `${p.id} (${p.name})`);
    throw supportRefusals.refuse('productUnknown', { productId, products: known.join(', ') });
  }
  const versions = await manager.find(SupportProductVersion, { where: { productId }, order: { version: 'ASC' } });
  const match = versions.find((v) => v.version === version.trim());
  if (!match) {
    throw supportRefusals.refuse('versionUnknown', { product: product.name, version, versions: versions.map((v) => v.version).join(', ') });
  }
  const refusal = endOfSupportRefusal({ productName: product.name, version: match.version, endOfSupport: match.endOfSupport }, tokyoDate(now));
  if (refusal) throw supportRefusals.refuseWith(refusal);
}

export interface NewTicket {
  tenantId: string;
  requesterId: string;
  submitterId: string;
  channel: ChannelValue;
  category: SupportCategory;
  productId: string;
  productVersion: string;
  subject: string;
  body: string;
  environment?: EnvironmentInput | null;
  /** Copied as is onto a follow-up ticket. */
  environmentColumns?: Partial<Ticket>;
  priority: TicketPriority;
  attachments: Attachment[];
  followUpOfId?: string | null;
}

/**
 * Writes a new ticket with its deadline (P7) and language flag (P2). An out-of-scope ticket
 * (P4) gets the standard public answer from the system and is SOLVED at once; that answer is
 * the support side's first public reply, so it meets the deadline too.
 */
export async function insertTicket(manager: EntityManager, input: NewTicket, now: Date, calendar: BusinessCalendar): Promise<Ticket> {
  const outOfScope = !input.category.inScope;
  const ticket = manager.create(Ticket, {
    id: randomUUID(),
    tenantId: input.tenantId,
    status: outOfScope ? 'SOLVED' : 'NEW',
    channel: input.channel,
    category: input.category.code,
    inScope: input.category.inScope,
    productId: input.productId,
    productVersion: input.productVersion.trim(),
    subject: input.subject,
    body: input.body,
    needsJapanese: !containsJapanese(`${input.subject}\n${input.body}`),
    priority: input.priority,
    requesterId: input.requesterId,
    submitterId: input.submitterId,
    assigneeId: null,
    ...(input.environmentColumns ?? environmentColumns(input.environment)),
    attachments: input.attachments,
    dueAt: businessDeadline(now, calendar),
    firstResponseAt: outOfScope ? now : null,
    solvedAt: outOfScope ? now : null,
    closedAt: null,
    followUpOfId: input.followUpOfId ?? null,
    createdAt: now,
  });
  await manager.insert(Ticket, ticket);
  if (outOfScope) {
    await manager.insert(TicketReply, {
      id: randomUUID(),
      ticketId: ticket.id,
      position: 1,
      authorId: null,
      body: outOfScopeAnswer(input.category),
      internal: false,
      fromSupport: true,
      createdAt: now,
    });
  }
  return ticket;
}

/** The environment of an existing ticket, for its follow-up. */
export function environmentOf(ticket: Ticket): Partial<Ticket> {
  const { envServerOs, envServerOsVersion, envWebServer, envWebServerVersion, envDocumentRoot, envInstallFolder, envProductVersion, envRegisteredUsers } = ticket;
  return { envServerOs, envServerOsVersion, envWebServer, envWebServerVersion, envDocumentRoot, envInstallFolder, envProductVersion, envRegisteredUsers };
}

/**
 * A ticket the viewer may act on, row-locked until the transaction ends (SQLite has one writer
 * anyway), and already moved to CLOSED when its 7 days after SOLVED are up. Not visible ->
 * NOT_FOUND, so existence never leaks.
 */
export async function loadTicketForUpdate(manager: EntityManager, viewer: Viewer, ticketId: string, now: Date): Promise<Ticket> {
  const ticket = await manager.findOne(Ticket, { where: { id: ticketId }, ...rowLockOf(manager) });
  // the kit's words for an unknown id: a ticket the viewer may not see looks like one that does not exist
  if (!ticket || !canSeeTicket(viewer, ticket)) throw notFoundOf(supportOwnedIds, 'Ticket');
  if (isDueForAutoClose(ticket, now)) {
    ticket.status = 'CLOSED';
    ticket.closedAt = autoCloseAt(ticket.solvedAt!);
    await manager.update(Ticket, ticket.id, { status: ticket.status, closedAt: ticket.closedAt });
  }
  return ticket;
}

/** Moves a ticket through P8, refusing illegal transitions with CONFLICT naming both states. */
export function moveTicket(ticket: Ticket, to: TicketStatusValue, now: Date): Partial<Ticket> {
  const refusal = transitionRefusal(ticket.status, to);
  if (refusal) throw supportRefusals.refuseWith(refusal);
  const changes: Partial<Ticket> = { status: to };
  if (to === 'SOLVED') changes.solvedAt = now;
  else if (ticket.status === 'SOLVED') changes.solvedAt = null;
  Object.assign(ticket, changes);
  return changes;
}

export async function nextReplyPosition(manager: EntityManager, ticketId: string): Promise<number> {
  const raw = await manager
    .getRepository(TicketReply)
    .createQueryBuilder('r')
    .select('MAX(r.position)', 'last')
    .where('r.ticketId = :ticketId', { ticketId })
    .getRawOne<{ last: number | string | null }>();
  return Number(raw?.last ?? 0) + 1;
}
