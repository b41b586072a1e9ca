import { defineConfig } from 'vitest/config';

// Three projects: unit (pure, fast), integration (real SQLite, real child processes, real peers on
// 127.0.0.1), e2e (the built renderer in Debian's Chromium against web mode).
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the CPUs: one worker on the 2-core CI machine. Most files wait on child
    // processes, browsers and sockets, so unit and integration files run two at a time (e2e stays one at a time).
    maxWorkers: 2,
    reporters: ['default', './test/reporters/summary-line.ts'],
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', setupFiles: ['./test/helpers/key-dir-setup.ts'], testTimeout: 20_000 } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          // One private PostgreSQL cluster for the run (the central server's tests).
          globalSetup: ['./test/helpers/postgres-global.ts'],
          setupFiles: ['./test/helpers/key-dir-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['./test/helpers/postgres-global.ts'],
          setupFiles: ['./test/helpers/key-dir-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
