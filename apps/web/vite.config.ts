import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { concordAssets } from './build/assets-plugin.ts';

// Paths are resolved from this file so the config works no matter which directory vite runs from
// (the root scripts call it from the repository root).
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiServer = 'http://localhost:3000';

export default defineConfig({
  root: webRoot,
  plugins: [react(), concordAssets()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // The budget that matters is the login page's initial JavaScript, printed by concordAssets; the
    // pages' own chunks load on demand and are cached for a year.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // Chunks shared by several pages are named after every page that uses them: too long a name.
        chunkFileNames: (chunk) =>
          chunk.name.includes('~') ? 'assets/shared-[hash].js' : 'assets/[name]-[hash].js',
        codeSplitting: {
          groups: [
            { name: 'login', tags: ['$initial'], priority: 3 },
            {
              name: 'vendor',
              test: /node_modules/,
              priority: 2,
              entriesAware: true,
              entriesAwareMergeThreshold: 40 * 1024,
            },
            {
              name: 'kit',
              test: /apps[\\/]web[\\/]src[\\/](shared|app)[\\/]/,
              priority: 1,
              entriesAware: true,
              entriesAwareMergeThreshold: 20 * 1024,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': apiServer,
      '/healthz': apiServer,
    },
  },
});
