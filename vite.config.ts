import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { precompileMessages } from './scripts/precompile-messages.ts';
import { precompressAssets } from './scripts/precompress-assets.ts';
import { defineConfig } from 'vitest/config';

const at = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

const bffTests = { root: at('./bff'), environment: 'node', include: ['src/**/*.test.ts'], pool: 'forks' as const, testTimeout: 30_000, hookTimeout: 30_000 };

/**
 * The libraries every page runs on (React, the router, TanStack Query) go into one `vendor` chunk:
 * they change far less often than the console's own code, so a deploy leaves that file cached.
 * Everything else keeps Rollup's own chunking: each feature's pages are lazy routes (the features'
 * routes.ts) and become chunks of their own, and so does anything only an `import()` reaches, such
 * as a second language's catalogue. Do not name a chunk here for shared/ or the catalogues: a
 * module put in a named chunk is loaded with whatever else that chunk holds, so grouping
 * shared/src/i18n would bring every language's catalogue to every first visit.
 */
const vendorPackages = new Set(['react', 'react-dom', 'scheduler', 'react-router', 'cookie', 'set-cookie-parser', '@tanstack/query-core', '@tanstack/react-query']);

/** Rollup's module ids use forward slashes on every system. */
function vendorChunkOf(id: string): 'vendor' | undefined {
  const packageName = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id)?.[1];
  return packageName !== undefined && vendorPackages.has(packageName) ? 'vendor' : undefined;
}

// Builds the SPA in web/ into web/dist, which the BFF serves on the same origin.
// In `npm run dev`, Vite serves the SPA and forwards /api to the BFF.
export default defineConfig({
  root: at('./web'),
  plugins: [react(), precompileMessages(), precompressAssets()],
  build: {
    outDir: at('./web/dist'),
    emptyOutDir: true,
    // No source maps in the build: the console ships to the public internet.
    sourcemap: false,
    rollupOptions: { output: { manualChunks: vendorChunkOf } },
  },
  server: { port: 5173, proxy: { '/api': 'http://localhost:8080' } },
  test: {
    projects: [
      { test: { name: 'shared', root: at('./shared'), environment: 'node', include: ['src/**/*.test.ts'] } },
      // The import rules of eslint.config.js, shown to bite.
      { test: { name: 'lint', root: at('./'), environment: 'node', include: ['scripts/**/*.test.ts'], testTimeout: 30_000 } },
      { test: { name: 'bff', ...bffTests } },
      // The same BFF suite on PostgreSQL, where a cluster is given (npm test starts one).
      ...(process.env.ECOO_TEST_POSTGRES_URL ? [{ test: { name: 'bff-pg', ...bffTests, env: { ECOO_TEST_DATABASE: 'postgres' } } }] : []),
      {
        extends: true,
        test: {
          name: 'web',
          root: at('./web'),
          environment: 'jsdom',
          include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
          setupFiles: ['src/testing/setup-tests.ts'],
          // A budget, not a check: the longest form journeys type into a dozen fields on a 2-core machine.
          testTimeout: 30_000,
        },
      },
    ],
  },
});
