// Apps Script runs scripts in the manifest's time zone (Europe/London); so do the emulator and
// every test worker (Node applies a TZ set here to the workers it starts).
process.env.TZ = 'Europe/London';

/**
 * Tests run the TypeScript emulator directly, transpiled only (test/tsconfig.jest.json has
 * isolatedModules): `npm run typecheck` does the types. End-to-end files open their workbook in
 * process once (test/driver.ts), so each test takes well under a second on a quiet machine; the
 * timeout leaves room for a machine several times busier, not for slow tests.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', {tsconfig: '<rootDir>/test/tsconfig.jest.json'}],
  },
  // One LibreOffice for the run: each conversion is handed to it instead of starting its own.
  globalSetup: '<rootDir>/test/global-setup.cjs',
  globalTeardown: '<rootDir>/test/global-teardown.cjs',
  reporters: ['default', '<rootDir>/test/summary-reporter.cjs'],
  // The in-process steps take seconds; what can take longer is a LibreOffice start (PDF export,
  // recalculation), 5-15 s each on a busy 2-core machine. 60 s keeps those from failing on load.
  testTimeout: 60000,
  // Two workers on the two-core machines we build on.
  maxWorkers: 2,
};
