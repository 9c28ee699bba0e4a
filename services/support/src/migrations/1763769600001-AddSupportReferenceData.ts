import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reference data every environment needs, production included, so it ships as a migration
 * rather than as demo data: the product catalogue with end-of-support dates (P5) and the
 * vendor's yearly New Year break (P7). Agents keep them current from then on.
 */
const PRODUCTS = [
  { id: 'dezie', name: 'Dezie' },
  { id: 'kyodo', name: 'Kyodo' },
];
const VERSIONS = [
  // from the vendor's support policy: "サイボウズ デヂエ 6 のサポートは、2012年1月31日をもって終了"
  { productId: 'dezie', version: '6', endOfSupport: '2012-01-31' },
  { productId: 'dezie', version: '7', endOfSupport: null },
  { productId: 'kyodo', version: '1', endOfSupport: null },
];
const NEW_YEAR_BREAK = [
  { id: '00000000-0000-4000-8000-00000000c229', month: 12, day: 29 },
  { id: '00000000-0000-4000-8000-00000000c230', month: 12, day: 30 },
  { id: '00000000-0000-4000-8000-00000000c231', month: 12, day: 31 },
  { id: '00000000-0000-4000-8000-00000000c101', month: 1, day: 1 },
  { id: '00000000-0000-4000-8000-00000000c102', month: 1, day: 2 },
  { id: '00000000-0000-4000-8000-00000000c103', month: 1, day: 3 },
];

export class AddSupportReferenceData1763769600001 implements MigrationInterface {
  name = 'AddSupportReferenceData1763769600001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const table = (name: string) => queryRunner.connection.driver.escape(name);
    for (const p of PRODUCTS) await queryRunner.query(`INSERT INTO ${table('support_products')} (id, name) VALUES (?, ?)`, [p.id, p.name]);
    for (const v of VERSIONS) {
      await queryRunner.query(`INSERT INTO ${table('support_product_versions')} (productId, version, endOfSupport) VALUES (?, ?, ?)`, [v.productId, v.version, v.endOfSupport]);
    }
    for (const d of NEW_YEAR_BREAK) {
      await queryRunner.query(`INSERT INTO ${table('support_closing_days')} (id, year, month, day, reason) VALUES (?, NULL, ?, ?, ?)`, [
        d.id,
        d.month,
        d.day,
        'New Year break (年末年始休業)',
      ]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const table = (name: string) => queryRunner.connection.driver.escape(name);
    const ids = NEW_YEAR_BREAK.map(() => '?').join(', ');
    await queryRunner.query(`DELETE FROM ${table('support_closing_days')} WHERE id IN (${ids})`, NEW_YEAR_BREAK.map((d) => d.id));
    for (const v of VERSIONS) await queryRunner.query(`DELETE FROM ${table('support_product_versions')} WHERE productId = ? AND version = ?`, [v.productId, v.version]);
    for (const p of PRODUCTS) await queryRunner.query(`DELETE FROM ${table('support_products')} WHERE id = ?`, [p.id]);
  }
}
