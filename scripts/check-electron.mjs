import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Electronegativity over the code that ships. Fails on any high or medium finding that
 * .electronegativity.json does not accept with a reason, on an acceptance that matches nothing
 * (so the list cannot go stale), and on a file the analyzer could not parse (unchecked code).
 */
const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const runElectronegativity = require('@doyensec/electronegativity/dist/runner.js');
const config = JSON.parse(readFileSync(join(root, '.electronegativity.json'), 'utf8'));
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const BLOCKING = new Set(['HIGH', 'MEDIUM']);

// A copy of exactly what is scanned: pointed at the repository, the global checks would also
// see the tests' mocks (a fake permission handler would hide a missing real one).
const staged = mkdtempSync(join(tmpdir(), 'switchboard-electronegativity-'));
let result;
try {
  for (const path of config.scan) cpSync(join(root, path), join(staged, path), { recursive: true });
  result = await runElectronegativity(
    {
      input: staged,
      customScan: [],
      excludeFromScan: config.skippedChecks.map((skipped) => skipped.check.toLowerCase()),
      isRelative: true,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
} finally {
  rmSync(staged, { recursive: true, force: true });
}

const findings = result.issues.map((issue) => ({
  id: issue.id,
  severity: issue.severity.name,
  file: issue.file,
  where: `${issue.file}:${issue.location.line}`,
  description: issue.description,
}));
const isAccepted = (finding) => config.accepted.some((entry) => entry.id === finding.id && entry.file === finding.file);
const blocking = findings.filter((finding) => BLOCKING.has(finding.severity) && !isAccepted(finding));
const stale = config.accepted.filter((entry) => !findings.some((finding) => finding.id === entry.id && finding.file === entry.file));
const unparsed = result.errors.filter((error) => !error.tolerable);

for (const finding of findings) {
  const verdict = !BLOCKING.has(finding.severity) ? 'note' : isAccepted(finding) ? 'accepted' : 'FAIL';
  console.log(`${verdict.padEnd(8)} ${finding.severity.padEnd(13)} ${finding.id} ${finding.where}: ${finding.description}`);
}
for (const entry of stale) console.log(`FAIL     accepted in .electronegativity.json but no longer found: ${entry.id} ${entry.file}`);
for (const error of unparsed) console.log(`FAIL     could not analyze ${error.file}: ${error.message}`);

const failures = blocking.length + stale.length + unparsed.length;
console.log(
  `Electronegativity (Electron ${electronVersion}, ${result.globalChecks + result.atomicChecks} checks): ` +
    (failures === 0 ? 'no unaccepted high or medium findings.' : `${failures} problem(s), see FAIL lines above.`),
);
process.exit(failures === 0 ? 0 : 1);
