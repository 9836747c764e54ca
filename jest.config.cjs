// Apps Script runs scripts in the manifest's time zone (Europe/London); so do the emulator and
// every test worker (Node applies a TZ set here to the workers it starts).
process.env.TZ = 'Europe/London';

/** Tests run the TypeScript emulator directly (ts-jest, transpile only: `npm run typecheck` does the types). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        isolatedModules: true,
        tsconfig: {module: 'commonjs', esModuleInterop: true, target: 'ES2022'},
      },
    ],
  },
  reporters: ['default', '<rootDir>/test/summary-reporter.cjs'],
  testTimeout: 60000,
  // Two workers on the two-core machines we build on: the end-to-end files mostly wait on I/O and
  // on child processes, so both cores stay busy.
  maxWorkers: 2,
};
