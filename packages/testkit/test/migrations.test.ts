import { createdAtColumn } from '@kyodo/subgraph-kit';
import { Column, CreateDateColumn, Entity, PrimaryColumn, Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { checkMigrationRoundTrip, MigrationRoundTripError, testDialects } from '../src/index.js';

@Entity({ name: 'widgets' })
class Widget {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'boolean', default: false })
  active: boolean;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}

const widgetsTable = (queryRunner: QueryRunner, nameLength: string) =>
  new Table({
    name: 'widgets',
    columns: [
      { name: 'id', type: 'varchar', length: '36', isPrimary: true },
      { name: 'name', type: 'varchar', length: nameLength },
      { name: 'active', type: 'boolean', default: 0 },
      createdAtColumn(queryRunner),
    ],
  });

class CreateWidgets1700000000000 implements MigrationInterface {
  name = 'CreateWidgets1700000000000';
  async up(queryRunner: QueryRunner) {
    await queryRunner.createTable(widgetsTable(queryRunner, '100'));
  }
  async down(queryRunner: QueryRunner) {
    await queryRunner.dropTable('widgets');
  }
}

class CreateGadgets1700000000001 implements MigrationInterface {
  name = 'CreateGadgets1700000000001';
  async up(queryRunner: QueryRunner) {
    await queryRunner.createTable(new Table({ name: 'gadgets', columns: [{ name: 'id', type: 'varchar', length: '36', isPrimary: true }] }));
  }
  async down(queryRunner: QueryRunner) {
    await queryRunner.dropTable('gadgets');
  }
}

/** The name column is shorter than the entity says. */
class CreateWidgetsTooShort1700000000000 implements MigrationInterface {
  name = 'CreateWidgetsTooShort1700000000000';
  async up(queryRunner: QueryRunner) {
    await queryRunner.createTable(widgetsTable(queryRunner, '50'));
  }
  async down(queryRunner: QueryRunner) {
    await queryRunner.dropTable('widgets');
  }
}

/** Its down forgets the table it created. */
class CreateWidgetsNoDown1700000000000 implements MigrationInterface {
  name = 'CreateWidgetsNoDown1700000000000';
  async up(queryRunner: QueryRunner) {
    await queryRunner.createTable(widgetsTable(queryRunner, '100'));
  }
  async down() {}
}

const failureOf = async (promise: Promise<unknown>): Promise<MigrationRoundTripError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MigrationRoundTripError);
  return error as MigrationRoundTripError;
};

describe.each(testDialects())('checkMigrationRoundTrip on %s', (dialect) => {
  it('passes migrations that match their entities and revert cleanly, reporting what it saw', async () => {
    // gadgets has no entity: a table the entities do not know is not a diff, but it must be dropped on revert
    const report = await checkMigrationRoundTrip({ name: 'widgets', entities: [Widget], migrations: [CreateWidgets1700000000000, CreateGadgets1700000000001] }, dialect);
    expect(report).toEqual({
      dialect,
      applied: ['CreateWidgets1700000000000', 'CreateGadgets1700000000001'],
      tablesAfterUp: ['gadgets', 'widgets'],
      reverted: 2,
      tablesAfterRevert: [],
      reapplied: ['CreateWidgets1700000000000', 'CreateGadgets1700000000001'],
    });
  });

  it('fails when the migration and the entity disagree, showing the SQL TypeORM would run', async () => {
    const error = await failureOf(checkMigrationRoundTrip({ name: 'widgets', entities: [Widget], migrations: [CreateWidgetsTooShort1700000000000] }, dialect));
    expect(error.step).toBe('diff after up');
    expect(error.message).toMatch(/entities and migrations disagree on/);
    expect(error.message).toMatch(/varchar\(100\)/);
  });

  it('fails when a down() leaves a table behind, naming it', async () => {
    const error = await failureOf(checkMigrationRoundTrip({ name: 'widgets', entities: [Widget], migrations: [CreateWidgetsNoDown1700000000000] }, dialect));
    expect(error.step).toBe('down');
    expect(error.message).toMatch(/tables left after reverting every migration: widgets/);
  });

  it('fails when there are no migrations at all', async () => {
    const error = await failureOf(checkMigrationRoundTrip({ name: 'widgets', entities: [Widget], migrations: [] }, dialect));
    expect(error.step).toBe('up');
  });
});
