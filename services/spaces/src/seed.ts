import { hashPassword } from '@kyodo/auth';
import { DEMO } from '@kyodo/subgraph-kit';
import type { DataSource } from 'typeorm';
import { SpaceMember } from './entities/space-member.entity.js';
import { Space } from './entities/space.entity.js';
import { Tenant } from './entities/tenant.entity.js';
import { DEFAULT_GUEST_PERMISSIONS } from './domain/spaces.js';
import { User } from './entities/user.entity.js';

/** The demo tenant's spaces: an internal one, and a guest space the demo guest is invited into. */
export const DEMO_SPACES = {
  general: { id: '00000000-0000-4000-8000-000000000101', name: 'General', isGuestSpace: false },
  partner: { id: '00000000-0000-4000-8000-000000000102', name: 'Partner Project', isGuestSpace: true },
} as const;

/**
 * The demo tenant with an admin, a member and a guest, the two demo spaces, and the vendor's support tenant with
 * one agent and one operator (VENDOR_ADMIN); a second run changes nothing.
 */
export async function seedSpacesDemo(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    for (const tenant of [DEMO.tenant, DEMO.vendorTenant]) {
      if (!(await manager.existsBy(Tenant, { id: tenant.id }))) await manager.insert(Tenant, { ...tenant, requireTotp: false });
    }
    const people = [
      { ...DEMO.admin, tenantId: DEMO.tenant.id, kind: 'MEMBER' as const, isAdmin: true, isSupportAgent: false, isVendorAdmin: false },
      { ...DEMO.member, tenantId: DEMO.tenant.id, kind: 'MEMBER' as const, isAdmin: false, isSupportAgent: false, isVendorAdmin: false },
      { ...DEMO.guest, tenantId: DEMO.tenant.id, kind: 'GUEST' as const, isAdmin: false, isSupportAgent: false, isVendorAdmin: false },
      { ...DEMO.agent, tenantId: DEMO.vendorTenant.id, kind: 'MEMBER' as const, isAdmin: false, isSupportAgent: true, isVendorAdmin: false },
      { ...DEMO.operator, tenantId: DEMO.vendorTenant.id, kind: 'MEMBER' as const, isAdmin: false, isSupportAgent: false, isVendorAdmin: true },
    ];
    for (const { password, ...person } of people) {
      if (await manager.existsBy(User, { id: person.id })) continue;
      await manager.insert(User, { ...person, passwordHash: await hashPassword(password) });
    }
    const members = {
      [DEMO_SPACES.general.id]: [DEMO.admin.id, DEMO.member.id],
      [DEMO_SPACES.partner.id]: [DEMO.admin.id, DEMO.member.id, DEMO.guest.id],
    };
    for (const space of Object.values(DEMO_SPACES)) {
      if (await manager.existsBy(Space, { id: space.id })) continue;
      await manager.insert(Space, {
        ...space,
        tenantId: DEMO.tenant.id,
        isPrivate: false,
        body: `Welcome to ${space.name}.`,
        createdBy: DEMO.admin.id,
        ...DEFAULT_GUEST_PERMISSIONS,
      });
      for (const userId of members[space.id] ?? []) await manager.insert(SpaceMember, { spaceId: space.id, userId, isSpaceAdmin: userId === DEMO.admin.id });
    }
  });
}
