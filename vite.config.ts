import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { precompressAssets } from './scripts/precompress-assets.ts';
import { defineConfig } from 'vitest/config';

const at = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

const bffTests = { root: at('./bff'), environment: 'node', include: ['src/**/*.test.ts'], pool: 'forks' as const, testTimeout: 30_000, hookTimeout: 30_000 };

// Builds the SPA in web/ into web/dist, which the BFF serves on the same origin.
// In `npm run dev`, Vite serves the SPA and forwards /api to the BFF.
export default defineConfig({
  root: at('./web'),
  plugins: [react(), precompressAssets()],
  // No source maps in the build: the console ships to the public internet.
  build: { outDir: at('./web/dist'), emptyOutDir: true, sourcemap: false },
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
          testTimeout: 15_000,
        },
      },
    ],
  },
});
