import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * T3: TOTP secrets are stored encrypted (a `v1:<keyId>:<iv>:<ciphertext>` envelope, about 120
 * characters), which does not fit the 64 characters a plain secret needed. The values
 * themselves are encrypted by the subgraph at start (totp-secrets.ts), because only the running
 * service has the key; this migration only makes room.
 */
export class WidenUserTotpSecret1764291600000 implements MigrationInterface {
  name = 'WidenUserTotpSecret1764291600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.changeColumn('users', 'totpSecret', new TableColumn({ name: 'totpSecret', type: 'varchar', length: '255', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // encrypted secrets do not fit back and cannot be decrypted here (no key): refuse rather than truncate
    const [row] = (await queryRunner.query(`SELECT COUNT(*) AS n FROM users WHERE LENGTH(totpSecret) > 64`)) as Array<{ n: number | string }>;
    if (Number(row?.n ?? 0) > 0) {
      throw new Error('Cannot narrow users.totpSecret back to 64 characters: encrypted TOTP secrets are stored. Run the previous release against this database only after turning those accounts\' TOTP off and on again.');
    }
    await queryRunner.changeColumn('users', 'totpSecret', new TableColumn({ name: 'totpSecret', type: 'varchar', length: '64', isNullable: true }));
  }
}
