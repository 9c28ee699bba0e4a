import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * C4/I1: the language of the person who ran an import, so its report of bad lines is written in
 * it even when another replica takes the job over. Jobs from before: Japanese.
 */
export class AddCardImportLanguage1767400000000 implements MigrationInterface {
  name = 'AddCardImportLanguage1767400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('card_import_jobs', new TableColumn({ name: 'language', type: 'varchar', length: '2', default: "'ja'" }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('card_import_jobs', 'language');
  }
}
