import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The built app must never reach the network (DESIGN.md: static site, no backend, no CDN) and
 * must render whatever a user stores as inert text: a Content-Security-Policy makes both hold
 * even if a bug slipped through. Build only: the dev server injects inline scripts. First in
 * <head> so it covers every element after it (the charset stays within the first 1024 bytes).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'redsim-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}

/**
 * The entry (src/ui/main.ts) starts the engine worker and then imports the UI. Announcing the UI
 * chunk in the HTML lets the browser fetch it alongside the entry instead of after it.
 */
function preloadUi(): Plugin {
  return {
    name: 'redsim-preload-ui',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const ui = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/ui/mount.tsx'));
        if (ui === undefined) return [];
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href: `./${ui.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}

// base './' makes every URL in dist/ relative, so the build works from any static host and
// any sub-path (GitHub Pages, a course site's /redis/ folder).
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), preloadUi()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // Lazy chunks (monaco) are big by nature; the initial chunk is measured by the benchmark.
    chunkSizeWarningLimit: 4000,
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1' },
});
