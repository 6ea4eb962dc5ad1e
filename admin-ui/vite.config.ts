import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The staff app. Built into admin-ui/dist, which the platform serves at `/admin/`: scripts only
 * from the build (no inline script, no eval), Monaco and its workers bundled here — staff sit on
 * intranets with no way out, so nothing is fetched from a CDN. In development the API is proxied
 * to a running platform.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
    // Monaco is one large chunk loaded only with the JSON view; the warning is about that on purpose.
    chunkSizeWarningLimit: 4096,
  },
  worker: { format: 'es' },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
