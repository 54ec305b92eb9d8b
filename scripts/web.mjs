import { ensureBuild } from './ensure-build.mjs';

ensureBuild();
await import('../out/main/web.js');
