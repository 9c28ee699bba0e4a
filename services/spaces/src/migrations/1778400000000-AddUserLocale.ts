import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** I1: a person's own language (JA or EN); null means their tenant's. */
export class AddUserLocale1778400000000 implements MigrationInterface {
  name = 'AddUserLocale1778400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('users', new TableColumn({ name: 'locale', type: 'varchar', length: '2', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('users', 'locale');
  }
}
