import type { TestUserConfig, ViteUserConfig } from 'vitest/config';

/** The file name a workspace's JSON report gets: `@kyodo/spaces` -> `kyodo__spaces.json`. */
export declare function jsonReportName(packageDir: string): string;
/** vitest's default reporter, plus a JSON report when KYODO_VITEST_JSON_DIR is set. */
export declare function kyodoReporters(packageDir: string, env?: NodeJS.ProcessEnv): NonNullable<TestUserConfig['reporters']>;
/** How many test files run at once: KYODO_TEST_WORKERS, else one per core but at least two. */
export declare function testWorkers(env?: NodeJS.ProcessEnv): number;
/** A workspace's whole vitest config; `test` options are laid over the shared defaults. */
export declare function defineKyodoConfig(packageDir: string, test?: TestUserConfig): ViteUserConfig;
