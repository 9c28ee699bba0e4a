import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Marks the vendor's operators (back office), whose tokens carry the VENDOR_ADMIN role. */
export class AddUserVendorAdmin1764460800000 implements MigrationInterface {
  name = 'AddUserVendorAdmin1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('users', new TableColumn({ name: 'isVendorAdmin', type: 'boolean', default: 0 }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('users', 'isVendorAdmin');
  }
}
