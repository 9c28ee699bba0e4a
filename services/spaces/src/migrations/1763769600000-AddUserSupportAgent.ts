import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Marks the vendor's support staff, whose tokens carry the SUPPORT_AGENT role. */
export class AddUserSupportAgent1763769600000 implements MigrationInterface {
  name = 'AddUserSupportAgent1763769600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('users', new TableColumn({ name: 'isSupportAgent', type: 'boolean', default: 0 }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('users', 'isSupportAgent');
  }
}
