import { AuditEntryRecord, ChangeFeedMarkEntity, defineSubgraph, JobLeaseEntity, startFeedCleanup, type FeedOutbox, type SubgraphDeps } from '@kyodo/subgraph-kit';
import { PeerFeedCursor } from './entities/peer-feed-cursor.entity.js';
import { Comment } from './entities/comment.entity.js';
import { GroupMember } from './entities/group-member.entity.js';
import { IntegrationToken } from './entities/integration-token.entity.js';
import { MembershipChange } from './entities/membership-change.entity.js';
import { Group } from './entities/group.entity.js';
import { Invitation } from './entities/invitation.entity.js';
import { InvoiceMail, InvoiceMailCursor } from './entities/invoice-mail.entity.js';
import { invoiceMailEnvSchema, startInvoiceMail } from './invoice-mail-feed.js';
import { PasswordSetup } from './entities/password-setup.entity.js';
import { SpaceMember } from './entities/space-member.entity.js';
import { Space } from './entities/space.entity.js';
import { Tenant } from './entities/tenant.entity.js';
import { ThreadRead } from './entities/thread-read.entity.js';
import { SpaceApp } from './entities/space-app.entity.js';
import { Thread } from './entities/thread.entity.js';
import { User } from './entities/user.entity.js';
import { admitScopedSpacesQuery } from './integration-access.js';
import { createSpacesLoaders } from './loaders.js';
import { membershipFeedRoute } from './membership-feed.js';
import { accessFeedRoute, spacesAccessSource } from './access-feed.js';
import { AccessChange } from './entities/access-change.entity.js';
import { migrations } from './migrations/index.js';
import { spacesOwnedIds } from './owned-ids.js';
import { AccountLinkResolver } from './resolvers/account-link.resolver.js';
import { AccountResolver } from './resolvers/account.resolver.js';
import { resolveGroupReference } from './resolvers/group.reference.js';
import { GroupResolver } from './resolvers/group.resolver.js';
import { IntegrationTokenResolver } from './resolvers/integration-token.resolver.js';
import { InvitationResolver } from './resolvers/invitation.resolver.js';
import { LocaleResolver } from './resolvers/locale.resolver.js';
import { MemberResolver } from './resolvers/member.resolver.js';
import { OnboardingResolver } from './resolvers/onboarding.resolver.js';
import { SignInResolver } from './resolvers/sign-in.resolver.js';
import { resolveSpaceReference } from './resolvers/space.reference.js';
import { SpaceAppResolver } from './resolvers/space-app.resolver.js';
import { SpaceResolver } from './resolvers/space.resolver.js';
import { resolveTenantReference } from './resolvers/tenant.reference.js';
import { TenantResolver } from './resolvers/tenant.resolver.js';
import { CommentResolver, ThreadResolver } from './resolvers/thread.resolver.js';
import { resolveUserReference } from './resolvers/user.reference.js';
import { UserResolver } from './resolvers/user.resolver.js';
import { seedSpacesDemo } from './seed.js';
import { mailEnvSchema } from './mail.js';
import { AuditLogResolver } from './resolvers/audit-log.resolver.js';
import { TenantListResolver } from './resolvers/tenant-list.resolver.js';
import { prepareTotpSecrets, totpEnvSchema } from './totp-secrets.js';
import { z } from 'zod';
import { contractCopyEnvSchema, startContractCopy } from './contract-copy.js';

export const spacesEntities = [Tenant, User, Space, SpaceMember, Thread, Comment, Group, GroupMember, Invitation, ThreadRead, SpaceApp, IntegrationToken, PasswordSetup, AuditEntryRecord, MembershipChange, AccessChange, PeerFeedCursor, InvoiceMail, InvoiceMailCursor, JobLeaseEntity, ChangeFeedMarkEntity];

/** The outboxes of the feeds spaces serves, keyed as their rows' current state is (change-feed-retention.ts). */
export const SPACES_OUTBOXES: readonly FeedOutbox[] = [
  { table: 'membership_changes', keyColumns: ['tenantId', 'userId'] },
  { table: 'access_changes', keyColumns: ['userId'] },
];

/** Tenants, people, spaces and sign-in: the subgraph that owns identity. */
export const spacesSubgraph = defineSubgraph({
  name: 'spaces',
  resolvers: [UserResolver, SignInResolver, TenantResolver, SpaceResolver, ThreadResolver, CommentResolver, GroupResolver, InvitationResolver, AccountResolver, AccountLinkResolver, SpaceAppResolver, IntegrationTokenResolver, OnboardingResolver, MemberResolver, AuditLogResolver, LocaleResolver, TenantListResolver],
  orphanedTypes: [Tenant, User, Space, Group],
  ownedIds: spacesOwnedIds,
  referenceResolvers: {
    User: { __resolveReference: resolveUserReference },
    Tenant: { __resolveReference: resolveTenantReference },
    Space: { __resolveReference: resolveSpaceReference },
    Group: { __resolveReference: resolveGroupReference },
  },
  entities: spacesEntities,
  migrations,
  createLoaders: createSpacesLoaders,
  seedDemo: seedSpacesDemo,
  // C3: cards keeps its copy of group memberships from this internal feed (no call to spaces per read)
  routes: (runtime) => [membershipFeedRoute(runtime), accessFeedRoute(runtime)],
  // T5: spaces owns the access versions: its own guard reads them from its table, the others follow its feed
  accessSource: spacesAccessSource,
  // C6: integration tokens read cards, not spaces; only the narrow, checked reads cards and the gateway need
  admitScopedQuery: admitScopedSpacesQuery,
  // T3: TOTP secrets are encrypted at rest; the keyring is checked, and older values re-encrypted, at start.
  // MAIL_FROM, the sender of every mail, is checked at start too.
  // INVOICE_MAIL_EVERY_MS too (invoice-mail-feed.ts).
  envSchema: z.intersection(z.intersection(z.intersection(totpEnvSchema, mailEnvSchema), contractCopyEnvSchema), invoiceMailEnvSchema),
  prepare: prepareTotpSecrets,
  // L8/S9: the copy of licensing's contract ends, and the job that records them (contract-copy.ts);
  // Q1: mails each invoice licensing issues to the tenant's administrators, from licensing's feed
  background: (runtime) => {
    const stopContractCopy = startContractCopy(runtime);
    const stopInvoiceMail = startInvoiceMail(runtime);
    // old, superseded outbox rows of the feeds spaces serves are deleted (change-feed-retention.ts)
    const stopFeedCleanup = startFeedCleanup({ runtime, jobKey: 'spaces:feed-cleanup', outboxes: SPACES_OUTBOXES });
    return async () => {
      await Promise.all([stopContractCopy(), stopInvoiceMail(), stopFeedCleanup()]);
    };
  },
});

export const createSpacesSubgraph = (deps: SubgraphDeps) => spacesSubgraph.create(deps);
