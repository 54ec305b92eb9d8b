#!/usr/bin/env node
// `npx switchboard <command>`: the headless commands on the same core as the app.
import { ensureBuild } from '../scripts/ensure-build.mjs';

ensureBuild();
await import('../out/main/cli.js');
