// `npm run bench:ui`: the monitor with 1,000,000 stored events and 5,000/s arriving, in Chromium.
// It drives the built renderer (out/renderer): run `npm run build` first after renderer changes.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundleAndRun, repoRoot } from './bundle-and-run.mjs';

if (!existsSync(join(repoRoot, 'out/renderer/index.html'))) {
  console.error('out/renderer is missing: run `npm run build` first.');
  process.exit(1);
}
await bundleAndRun({ entry: 'ui-bench.ts' });
