import { Column, Entity, PrimaryColumn } from 'typeorm';

/** P7: a day the vendor's desk is closed, every year (year null) or once. */
@Entity({ name: 'support_closing_days' })
export class SupportClosingDay {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'int', nullable: true })
  year: number | null;

  @Column({ type: 'int' })
  month: number;

  @Column({ type: 'int' })
  day: number;

  @Column({ type: 'varchar', length: 200 })
  reason: string;
}
