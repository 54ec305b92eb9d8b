import { join, resolve } from 'node:path';
import { build } from 'vite';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

/**
 * Bundles a TypeScript entry into one CommonJS file plain node (or a worker thread) can run.
 * Packages stay external and are resolved from the repo (NODE_PATH), so the
 * child uses the very `ws` and `better-sqlite3` the app ships with.
 */
export async function bundleChild(entry: string, outDir: string, fileName: string): Promise<string> {
  await build({
    configFile: false,
    root: REPO_ROOT,
    logLevel: 'silent',
    build: {
      ssr: join(REPO_ROOT, entry),
      outDir,
      emptyOutDir: false,
      minify: false,
      rolldownOptions: {
        external: [/^(better-sqlite3|ws|jose|csv-stringify|@napi-rs\/keyring)(\/|$)/, /^node:/],
        output: { format: 'cjs', entryFileNames: fileName },
      },
    },
  });
  return join(outDir, fileName);
}

/** The environment a bundled child needs to find the repo's packages from a temp folder. */
export function childEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NODE_PATH: join(REPO_ROOT, 'node_modules') };
}
