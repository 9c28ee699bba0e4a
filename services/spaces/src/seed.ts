import { hashPassword } from '@kyodo/auth';
import { DEMO } from '@kyodo/subgraph-kit';
import type { DataSource } from 'typeorm';
import { Tenant } from './entities/tenant.entity.js';
import { User } from './entities/user.entity.js';

/** The demo tenant with an admin, a member and a guest; a second run changes nothing. */
export async function seedSpacesDemo(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    if (!(await manager.existsBy(Tenant, { id: DEMO.tenant.id }))) {
      await manager.insert(Tenant, { ...DEMO.tenant, requireTotp: false });
    }
    const people = [
      { ...DEMO.admin, kind: 'MEMBER' as const, isAdmin: true },
      { ...DEMO.member, kind: 'MEMBER' as const, isAdmin: false },
      { ...DEMO.guest, kind: 'GUEST' as const, isAdmin: false },
    ];
    for (const { password, ...person } of people) {
      if (await manager.existsBy(User, { id: person.id })) continue;
      await manager.insert(User, { ...person, tenantId: DEMO.tenant.id, passwordHash: await hashPassword(password) });
    }
  });
}
