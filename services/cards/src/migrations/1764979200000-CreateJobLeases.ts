import { CreateJobLeasesMigration } from '@kyodo/subgraph-kit';

/** Leases of background jobs, so N replicas share them (issue 12; the table is defined in subgraph-kit's job-lease.ts). */
export class CreateJobLeases1764979200000 extends CreateJobLeasesMigration {
  name = 'CreateJobLeases1764979200000';
}
