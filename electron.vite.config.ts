import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The desktop shell, and the two plain-Node entry points built on the same core.
        input: {
          index: resolve(root, 'src-main/electron/main.ts'),
          web: resolve(root, 'src-main/web/main.ts'),
          cli: resolve(root, 'src-main/cli/main.ts'),
          // Runs on a worker thread of the other entries; see STORE_WRITER_ENTRY.
          'store-writer': resolve(root, 'src-main/core/store/writer.worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(root, 'src-main/preload/index.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    // The renderer's root is src-renderer/; the one Svelte config (also read by svelte-check) is at the top.
    plugins: [svelte({ configFile: resolve(root, 'svelte.config.js') })],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: { index: resolve(root, 'src-renderer/index.html') } },
    },
  },
});
