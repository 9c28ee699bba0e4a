import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** L14: the base contract records when a termination notice was received; its term renews unless one arrives in time. */
export class AddBaseContractNotices1764201600000 implements MigrationInterface {
  name = 'AddBaseContractNotices1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('contracts', new TableColumn({ name: 'terminationNoticeOn', type: 'varchar', length: '10', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('contracts', 'terminationNoticeOn');
  }
}
