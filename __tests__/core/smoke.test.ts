import { STATUSES } from '../../src/core/types.js';
import { TRIGGER_START } from '../../src/core/labels.js';

test('toolchain runs ESM TypeScript', () => {
  expect(STATUSES).toContain('running');
  expect(TRIGGER_START.startsWith('🎪')).toBe(true);
});
