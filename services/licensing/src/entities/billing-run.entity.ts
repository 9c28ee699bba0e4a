import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Who started a billing run (L16): an operator from the console, the hourly schedule, or the command line. */
export type BillingRunTrigger = 'OPERATOR' | 'SCHEDULE' | 'CLI';

/**
 * L16: what one billing run did, kept so operators can read past runs (billingRuns). Written once
 * when the run ends; never changed. A scheduled run that issued nothing and found nothing pending
 * is not kept (the schedule ticks every hour; its no-ops would bury the runs that mattered).
 */
@Entity({ name: 'billing_runs' })
@Index('ix_billing_runs_ran_at', ['ranAt'])
export class BillingRunRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** YYYY-MM */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  /** ISO 8601 UTC with milliseconds: text, so it sorts the same on every dialect (as audit entries do). */
  @Column({ type: 'varchar', length: 24 })
  ranAt: string;

  @Column({ type: 'varchar', length: 10 })
  via: BillingRunTrigger;

  /** The operator who ran it; null for the schedule and the command line. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  ranBy: string | null;

  @Column({ type: 'int' })
  issuedCount: number;

  /** The issued invoices' totals, yen including tax. */
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  issuedTotal: number;

  /** JSON array of the issued invoices' ids, oldest first. */
  @Column({ type: 'text' })
  invoiceIds: string;

  /** JSON array of the tenants whose base contract was pending (issue 18 #6): not invoiced. */
  @Column({ type: 'text' })
  pendingTenants: string;
}
