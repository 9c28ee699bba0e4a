import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { invitationExpiry, newInvitationToken } from './domain/invitations.js';
import { PASSWORD_SETUP_TTL_DAYS, passwordSetupLink } from './domain/password-setup.js';
import { PasswordSetup } from './entities/password-setup.entity.js';
import type { Tenant } from './entities/tenant.entity.js';
import type { User } from './entities/user.entity.js';
import { DEFAULT_PUBLIC_URL, sendMail } from './mail.js';
import { passwordSetupMail } from './mail-templates.js';
import type { SpacesContext } from './context.js';

/**
 * T4: stores a single-use set-password link for a member (its hash only) and mails it in the
 * tenant's language. Call it last inside the mutation's transaction: a mail that cannot be sent
 * (SERVICE_UNAVAILABLE) rolls everything back, so no member is left without a way in.
 */
export async function sendPasswordSetup(ctx: SpacesContext, manager: EntityManager, tenant: Tenant, user: User, now: Date, firstAdmin: boolean): Promise<void> {
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = invitationExpiry(now, PASSWORD_SETUP_TTL_DAYS);
  await manager.insert(PasswordSetup, { id: randomUUID(), tenantId: tenant.id, userId: user.id, tokenHash, expiresAt, usedAt: null });
  const link = passwordSetupLink(ctx.deps.publicUrl ?? DEFAULT_PUBLIC_URL, token);
  await sendMail(
    ctx.deps,
    { to: user.email, format: tenant.mailFormat, ...passwordSetupMail(tenant.locale, { name: user.name, tenantName: tenant.name, subdomain: tenant.subdomain, link, expiresAt, firstAdmin }) },
    now,
    'mailUnavailableSetPassword',
  );
}
