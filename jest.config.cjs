// Apps Script runs scripts in the manifest's time zone (Europe/London); so do the emulator and
// every test worker (Node applies a TZ set here to the workers it starts).
process.env.TZ = 'Europe/London';

/**
 * Tests run the TypeScript emulator directly, transpiled only (isolatedModules, by esbuild):
 * `npm run typecheck` does the types. End-to-end files open their workbook in process once
 * (test/driver.ts), so each test takes well under a second on a quiet machine; the timeout
 * leaves room for a machine several times busier, not for slow tests.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // esbuild strips the types (test/esbuild-transform.cjs): on a clean clone, with no transform
  // cache, about half the CPU of ts-jest (no longer installed).
  transform: {'^.+\\.ts$': '<rootDir>/test/esbuild-transform.cjs'},
  // Modules compiled as scripts V8 keeps for the next file of a worker (test/jest-runtime.cjs):
  // about 0.2 CPU-s less per test file than compiling every module again.
  runtime: '<rootDir>/test/jest-runtime.cjs',
  // One LibreOffice for the run: each conversion is handed to it instead of starting its own.
  globalSetup: '<rootDir>/test/global-setup.cjs',
  globalTeardown: '<rootDir>/test/global-teardown.cjs',
  // The longest LibreOffice conversion first, with no other file's conversion queued behind it.
  testSequencer: '<rootDir>/test/sequencer.cjs',
  reporters: ['default', '<rootDir>/test/summary-reporter.cjs'],
  // Room for a machine several times busier than a quiet one (npm run test:under-load): a
  // LibreOffice conversion is handed to the run's instance, but its first one waits for it.
  testTimeout: 60000,
  // Two workers on the two-core machines we build on. `npm test` starts jest with a young
  // generation of 64 MB (--max-semi-space-size=64; the workers inherit it): the suite's
  // scavenges then took 7.9 s of the workers' time rather than 12.0 s (--trace-gc totals over
  // a run), about 2 CPU-s less in all; 32 MB gave 9.2 s and 128 MB more full collections.
  maxWorkers: 2,
  // A worker ends with nothing left open (its 'exit' event comes within 2 ms of jest's request),
  // but freeing a heap of 1.2-1.8 GB takes longer than jest's default 500 ms, which jest then
  // reports as "failed to exit gracefully" and kills it.
  workerGracefulExitTimeout: 5000,
};
