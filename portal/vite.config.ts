import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The citizen portal. Built into portal/dist, which the platform serves at `/` under a strict CSP:
 * no inline script, no eval, no resource from another origin (fonts are the system's Chinese
 * fonts). In development the API is proxied to a running platform.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Inlined assets would need `data:` in more CSP directives; keep every asset a file.
    assetsInlineLimit: 0,
    // Vite's modulepreload polyfill is bundled, not inline; no module needs it on the browsers we target.
    modulePreload: { polyfill: false },
    target: 'es2022',
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
