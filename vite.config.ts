import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { DEV_HEADERS, PREVIEW_HEADERS, dataFiles } from './scripts/serve/headers.ts';

export default defineConfig({
  plugins: [
    react(),
    {
      name: 'subspace-lab-data-files',
      // Runs before Vite's static files: data Content-Types, and 404 (not the page) for a missing data file.
      configurePreviewServer(server) {
        server.middlewares.use(dataFiles(() => resolve(server.config.root, server.config.build.outDir)));
      },
    },
  ],
  server: { headers: DEV_HEADERS, host: '127.0.0.1', port: 5173 },
  preview: { headers: PREVIEW_HEADERS, host: '127.0.0.1', port: 4173, strictPort: true },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
});
