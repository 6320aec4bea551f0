/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    // Sources import siblings as './x.js' (NodeNext); jest resolves them to the .ts file.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.all.json' }],
  },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  collectCoverageFrom: ['src/**/*.ts', '!src/entrypoints/**'],
  coverageThreshold: {
    './src/core/': { lines: 95 },
  },
  testTimeout: 30000,
  // moto_server, the OCI registry, skopeo and chromium come from scripts/setup.sh, run here when one is missing.
  globalSetup: '<rootDir>/test-support/ensure-tools.js',
};
