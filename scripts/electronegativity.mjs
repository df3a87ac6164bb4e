#!/usr/bin/env node
// Runs Electronegativity over the source through its JavaScript API (the runner returns the
// findings as objects: no CSV file, so nothing can race or be split wrongly) and fails on any
// finding without a written reason in .electronegativity-accepted.json.
//
// The check fails loudly when the tool did not really run: no checks loaded, a file it could not
// parse, a finding without an id, file or sample, or an accepted finding it no longer reports
// (then either the code changed and the entry must be reviewed, or the scan saw nothing).
//
// Offline, the tool's attempts to fetch translations and Electron's release list fail from timers
// inside its HTTP client; scripts/electronegativity-offline.cjs reports and ignores those errors.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
require('./electronegativity-offline.cjs');
const run = require('@doyensec/electronegativity/dist/runner.js');

const electron = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const acceptedFile = path.join(root, '.electronegativity-accepted.json');
/** @type {{ check: string, file: string, sample: string, reason: string }[]} */
const accepted = JSON.parse(fs.readFileSync(acceptedFile, 'utf8'));

const keyOf = (f) => `${f.check} | ${f.file} | ${f.sample}`;
const fail = (message) => {
  console.error(`Electronegativity: ${message}`);
  process.exit(1);
};

for (const entry of accepted) {
  if (!entry.check || !entry.file || typeof entry.sample !== 'string' || !entry.reason?.trim()) {
    fail(`an entry of .electronegativity-accepted.json lacks its check, file, sample or reason: ${JSON.stringify(entry)}`);
  }
}

let result;
try {
  result = await run({ input: path.join(root, 'src'), isRelative: true, electronVersionOverride: electron }, false);
} catch (error) {
  fail(`the scan failed: ${error instanceof Error ? error.stack : String(error)}`);
}
if (!result || !Array.isArray(result.issues) || !Array.isArray(result.errors)) fail(`the scan returned no report: ${JSON.stringify(result)?.slice(0, 300)}`);
if (!(result.atomicChecks > 0) || !(result.globalChecks > 0)) fail(`no checks were loaded (${result.atomicChecks} atomic, ${result.globalChecks} global).`);
const broken = result.errors.filter((e) => !e.tolerable);
if (broken.length > 0) fail(`files it could not parse:\n${broken.map((e) => `  ${e.file}: ${e.message}`).join('\n')}`);

const findings = result.issues.map((issue) => ({
  check: String(issue.id ?? ''),
  file: String(issue.file ?? ''),
  sample: String(issue.sample ?? '').trim(),
  where: `${issue.location?.line}:${issue.location?.column}`,
  level: `${issue.severity?.name ?? '?'}/${issue.confidence?.name ?? '?'}`,
}));
const malformed = findings.filter((f) => !f.check || !f.file);
if (malformed.length > 0) fail(`findings without a check id or a file: ${JSON.stringify(malformed).slice(0, 500)}`);

const reasons = new Map(accepted.map((e) => [keyOf(e), e.reason]));
const seen = new Set();
let unexplained = 0;
for (const f of findings) {
  const reason = reasons.get(keyOf(f));
  seen.add(keyOf(f));
  if (reason) console.log(`accepted  ${f.check} (${f.level}) ${f.file}:${f.where}\n          ${reason}`);
  else {
    unexplained++;
    console.log(`FINDING   ${f.check} (${f.level}) ${f.file}:${f.where}\n          sample: ${f.sample}\n          no written reason in .electronegativity-accepted.json (keyed by check, file and sample)`);
  }
}
const stale = accepted.filter((e) => !seen.has(keyOf(e)));
for (const e of stale) console.log(`STALE     ${e.check} ${e.file}: accepted, but no longer reported with this sample; review the code and the entry.`);

console.log(
  `Electronegativity: ${result.atomicChecks + result.globalChecks} checks, ${findings.length} finding(s), ${findings.length - unexplained} with a written reason, ${unexplained} without, ${stale.length} stale.`,
);
// The tool's offline HTTP timers may still be pending: exit now, with the verdict.
process.exit(unexplained === 0 && stale.length === 0 ? 0 : 1);
