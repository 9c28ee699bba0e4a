#!/usr/bin/env node
// Totals vitest's JSON reports (one per workspace, written when KYODO_VITEST_JSON_DIR is set;
// see vitest.shared.mjs) and prints one line: `N passed, M failed`. CI reads that line.
//
//   node scripts/test-summary.mjs <report-dir> [--exit-code <status of the test command>] [--failed-check <name>]...
//
// A test file that fails to load (no test ran in it) counts as one failed test, and so does a
// workspace with a `test` script that left no report (it crashed before vitest reported):
// neither may look like a green run. With --exit-code, a test command that failed while no test
// did (turbo or vitest itself broke) counts as one failed too. Each --failed-check (typecheck, lint,
// schema check: CI steps that are not vitest tests) counts as one failed. Details go to stderr; stdout has the one line only.
// Exit code: 0 when nothing failed, 1 otherwise, 2 on bad usage.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Workspace directories (relative to the root) per the root package.json globs (`dir` or `dir/*`). */
export function workspaceDirs(rootDir = root) {
  const { workspaces = [] } = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8'));
  const dirs = [];
  for (const pattern of workspaces) {
    if (pattern.endsWith('/*')) {
      const parent = pattern.slice(0, -2);
      if (!existsSync(join(rootDir, parent))) continue;
      for (const entry of readdirSync(join(rootDir, parent), { withFileTypes: true })) {
        if (entry.isDirectory()) dirs.push(`${parent}/${entry.name}`);
      }
    } else {
      dirs.push(pattern);
    }
  }
  return dirs.filter((dir) => existsSync(join(rootDir, dir, 'package.json')));
}

/** A test file's path from the repository root, for the failure lines. */
function relativeName(name, rootDir) {
  return typeof name === 'string' && name.startsWith(`${rootDir}/`) ? name.slice(rootDir.length + 1) : String(name);
}

/** The report file name vitest.shared.mjs gives a package name. */
function reportName(packageName) {
  return `${packageName.replace(/^@/, '').replace(/[^a-zA-Z0-9._-]+/g, '__')}.json`;
}

export function summarize(reportDir, rootDir = root, log = (line) => process.stderr.write(`${line}\n`)) {
  let passed = 0;
  let failed = 0;
  const seen = new Set();
  const files = existsSync(reportDir) ? readdirSync(reportDir).filter((f) => f.endsWith('.json')).sort() : [];
  for (const file of files) {
    seen.add(file);
    let report;
    try {
      report = JSON.parse(readFileSync(join(reportDir, file), 'utf8'));
    } catch (error) {
      log(`test-summary: ${file} is not a readable vitest JSON report (${error.message}); counted as 1 failed`);
      failed += 1;
      continue;
    }
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    for (const result of report.testResults ?? []) {
      // named at the end of the run, where a CI log's tail still shows them
      for (const assertion of result.assertionResults ?? []) {
        if (assertion.status !== 'failed') continue;
        const why = (assertion.failureMessages ?? [])[0]?.split('\n')[0] ?? '';
        log(`test-summary: FAILED ${relativeName(result.name, rootDir)} > ${assertion.fullName}${why ? ` — ${why.slice(0, 300)}` : ''}`);
      }
      if (result.status === 'failed' && (result.assertionResults ?? []).length === 0) {
        log(`test-summary: ${result.name} failed before any test ran${result.message ? `: ${result.message.split('\n')[0]}` : ''}; counted as 1 failed`);
        failed += 1;
      }
    }
  }
  for (const dir of workspaceDirs(rootDir)) {
    const pkg = JSON.parse(readFileSync(join(rootDir, dir, 'package.json'), 'utf8'));
    if (!pkg.scripts?.test || !pkg.name) continue;
    if (!seen.has(reportName(pkg.name))) {
      log(`test-summary: no report from ${pkg.name} (${dir}): its tests did not run or crashed; counted as 1 failed`);
      failed += 1;
    }
  }
  return { passed, failed };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let commandStatus = 0;
  const at = args.indexOf('--exit-code');
  if (at !== -1) {
    commandStatus = Number(args[at + 1]);
    args.splice(at, 2);
  }
  const failedChecks = [];
  for (let i = args.indexOf('--failed-check'); i !== -1; i = args.indexOf('--failed-check')) {
    failedChecks.push(args[i + 1]);
    args.splice(i, 2);
  }
  const dir = args[0] ?? process.env.KYODO_VITEST_JSON_DIR;
  if (!dir || !Number.isInteger(commandStatus)) {
    process.stderr.write('usage: node scripts/test-summary.mjs <dir with vitest JSON reports> [--exit-code <n>] [--failed-check <name>]... (or set KYODO_VITEST_JSON_DIR)\n');
    process.exit(2);
  }
  const summary = summarize(resolve(dir));
  const { passed } = summary;
  let { failed } = summary;
  if (commandStatus !== 0 && failed === 0) {
    process.stderr.write(`test-summary: the test command exited with ${commandStatus} although no test failed; counted as 1 failed\n`);
    failed = 1;
  }
  for (const check of failedChecks) process.stderr.write(`test-summary: the ${check} check failed; counted as 1 failed\n`);
  failed += failedChecks.length;
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exit(failed === 0 ? 0 : 1);
}
