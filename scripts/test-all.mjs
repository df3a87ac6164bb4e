#!/usr/bin/env node
// `npm test`: every suite, in order, with one closing line `N passed, N failed` counting all of
// them (CI reads that line). Suites: typecheck and lint (one check each), the vitest unit tests,
// and the Playwright end-to-end tests in Chromium. A suite that cannot run counts as failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'afterword-test-'));
const only = process.argv.slice(2);
const tally = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${path.basename(command)} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { status: result.status ?? 1, seconds };
}

function check(name, command, args) {
  if (only.length && !only.includes(name)) return;
  const { status, seconds } = run(name, command, args);
  if (status === 0) tally.passed++;
  else tally.failed++;
  lines.push(`${name}: ${status === 0 ? 'passed' : 'FAILED'} (${seconds} s)`);
}

function counted(name, command, args, reportFile, readCounts, env) {
  if (only.length && !only.includes(name)) return;
  const { status, seconds } = run(name, command, args, env);
  let counts;
  try {
    counts = readCounts(JSON.parse(fs.readFileSync(reportFile, 'utf8')));
  } catch {
    counts = { passed: 0, failed: 1, skipped: 0 };
  }
  if (status !== 0 && counts.failed === 0) counts.failed = 1; // the runner failed outside any test
  tally.passed += counts.passed;
  tally.failed += counts.failed;
  tally.skipped += counts.skipped;
  lines.push(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds} s)`);
}

check('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
check('typecheck-renderer', bin('tsc'), ['--noEmit', '-p', 'tsconfig.web.json']);
check('typecheck-e2e', bin('tsc'), ['--noEmit', '-p', 'tsconfig.e2e.json']);
check('lint', bin('eslint'), ['.']);
check('electronegativity', process.execPath, ['scripts/electronegativity.mjs']);

const vitestReport = path.join(reports, 'vitest.json');
counted('unit', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`], vitestReport, (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests + (r.numFailedTestSuites ?? 0),
  skipped: r.numPendingTests + (r.numTodoTests ?? 0),
}));

// The planner again under a second time zone (and DST rules) for the whole process.
const tzReport = path.join(reports, 'vitest-tz.json');
counted('unit-planner-tz-kolkata', bin('vitest'), ['run', 'test/unit/planner', 'test/unit/calendar', 'test/unit/reminders', '--reporter=default', '--reporter=json', `--outputFile.json=${tzReport}`], tzReport, (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests + (r.numFailedTestSuites ?? 0),
  skipped: r.numPendingTests + (r.numTodoTests ?? 0),
}), { TZ: 'Asia/Kolkata' });

const playwrightReport = path.join(reports, 'playwright.json');
counted('e2e', bin('playwright'), ['test', '--reporter=list,json'], playwrightReport, (r) => {
  // A test that passed only on its retry failed once: it counts as failed, by name. The retry
  // is there to tell a flaky test from a broken one, never to turn a red run green.
  const flaky = playwrightTests(r).filter((t) => t.status === 'flaky');
  for (const t of flaky) lines.push(`e2e: FLAKY (failed, then passed on its retry; counted as failed): ${t.title}`);
  return { passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky, skipped: r.stats.skipped };
}, { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });

/** Every test of a Playwright JSON report, with its file and title path, and its outcome. */
function playwrightTests(report) {
  const found = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) found.push({ title: `${spec.file}: ${[...titles, spec.title].join(' > ')}`, status: t.status });
    }
    for (const child of suite.suites ?? []) walk(child, child.title && !child.title.endsWith('.ts') ? [...titles, child.title] : titles);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  return found;
}

console.log('\n=== summary');
for (const line of lines) console.log(line);
console.log(`${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ''}`);
process.exit(tally.failed === 0 ? 0 : 1);
