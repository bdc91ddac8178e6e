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
  },
  server: {
    proxy: {
      '/api': apiServer,
      '/healthz': apiServer,
    },
  },
});
