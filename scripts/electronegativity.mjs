#!/usr/bin/env node
// Runs Electronegativity over the source and fails on any finding without a written reason in
// .electronegativity-accepted.json. (The tool tries to fetch Electron's release list at the end
// and crashes offline after writing its report; the report is what we read.)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eneg-')), 'report.csv');
const electron = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const run = spawnSync(process.execPath, ['--require', path.join(root, 'scripts/electronegativity-offline.cjs'), path.join(root, 'node_modules/@doyensec/electronegativity/dist/index.js'), '-i', 'src', '-r', '-v', 'false', '-e', electron, '-o', report], {
  cwd: root,
  encoding: 'utf8',
  timeout: 180_000,
});
if (!fs.existsSync(report)) {
  console.error(`Electronegativity wrote no report (exit ${run.status}).\n${(run.stderr ?? '').slice(-2000)}`);
  process.exit(1);
}
const accepted = JSON.parse(fs.readFileSync(path.join(root, '.electronegativity-accepted.json'), 'utf8'));
const rows = fs.readFileSync(report, 'utf8').trim().split('\n').slice(1).filter(Boolean);
let unexplained = 0;
for (const row of rows) {
  const [issue, severity, confidence, file, location] = row.split(',').map((c) => c.replace(/^"|"$/g, ''));
  const key = `${issue} ${file}`;
  const reason = accepted[key];
  if (reason) console.log(`accepted  ${issue} (${severity}/${confidence}) ${file}:${location}\n          ${reason}`);
  else {
    unexplained++;
    console.log(`FINDING   ${issue} (${severity}/${confidence}) ${file}:${location}: no written reason in .electronegativity-accepted.json`);
  }
}
console.log(`Electronegativity: ${rows.length} finding(s), ${rows.length - unexplained} with a written reason, ${unexplained} without.`);
process.exit(unexplained === 0 ? 0 : 1);
