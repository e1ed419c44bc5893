import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: built into out/renderer and served by app:// (Electron) or the web host.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 4096,
  },
});
