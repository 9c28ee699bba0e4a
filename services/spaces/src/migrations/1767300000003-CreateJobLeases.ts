import { CreateJobLeasesMigration } from '@kyodo/subgraph-kit';

/** Leases of spaces' background jobs (the contract-end job, L8; the invoice mail, Q1), so N replicas share them; the table is subgraph-kit's job-lease.ts. */
export class CreateJobLeases1767300000003 extends CreateJobLeasesMigration {
  name = 'CreateJobLeases1767300000003';
}
