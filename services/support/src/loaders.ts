import type { Viewer } from '@kyodo/auth';
import { createByIdLoader } from '@kyodo/subgraph-kit';
import { In, type DataSource } from 'typeorm';
import { SupportRegistrant } from './entities/support-registrant.entity.js';

export function createSupportLoaders(viewer: Viewer | null, dataSource: DataSource) {
  return {
    /**
     * Registrants of the viewer's own tenant only: another tenant's users never match, and a
     * guest learns nothing about the tenant's support set-up (S3).
     */
    registrantByUserId: createByIdLoader(
      async (ids) =>
        viewer && viewer.kind === 'MEMBER'
          ? dataSource.getRepository(SupportRegistrant).findBy({ tenantId: viewer.tenantId, userId: In([...ids]) })
          : [],
      (r) => r.userId,
    ),
  };
}

export type SupportLoaders = ReturnType<typeof createSupportLoaders>;
