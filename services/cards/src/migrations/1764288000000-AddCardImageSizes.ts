import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** C1: the size of each stored image (the image itself stays outside the database). */
export class AddCardImageSizes1764288000000 implements MigrationInterface {
  name = 'AddCardImageSizes1764288000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('cards', [
      new TableColumn({ name: 'frontImageBytes', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'backImageBytes', type: 'integer', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('cards', 'backImageBytes');
    await queryRunner.dropColumn('cards', 'frontImageBytes');
  }
}
