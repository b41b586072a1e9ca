// Builds the renderer into out/renderer. base './' makes every asset URL relative, so the same build runs
// under Electron's app://motcua/ protocol and from web mode's HTTP server.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    // CSP: font-src/style-src 'self' — keep every asset a file instead of a data: URL.
    assetsInlineLimit: 0,
    // Chromium supports modulepreload natively; no polyfill code needed.
    modulePreload: { polyfill: false },
  },
});
