// `npm run bench:board`: the supervisor board with 500 live calls, in Chromium.
import { bundleAndRun } from './bundle-and-run.mjs';

await bundleAndRun({ entry: 'board.ts', timeoutMs: 180_000 });
