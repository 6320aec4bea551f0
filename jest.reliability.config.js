// The long reliability runs (races at scale, random faults, crashes at every step): `npm run test:reliability`.
// The fast reliability tests are ordinary *.test.ts files and run with `npm test`.
import base from './jest.config.js';

export default {
  ...base,
  testMatch: ['<rootDir>/__tests__/reliability/**/*.long.ts'],
  testTimeout: 300000,
};
