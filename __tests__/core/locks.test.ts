import fc from 'fast-check';
import { characters } from '../../src/core/labels.js';
import { fenceName, formatLease, parseLease } from '../../src/core/locks.js';

const holder = fc
  .string({ unit: fc.constantFrom('a', 'Z', '0', '-', ' ', '#', '/', '🎪'), minLength: 1, maxLength: 60 })
  .filter((s) => s !== '');
const instant = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2999-12-31T23:59:59Z'),
  noInvalidDate: true,
});

describe('lease descriptions', () => {
  test('formats holder|ISO-expiry', () => {
    expect(formatLease({ holder: 'run-42-1', expiresAt: new Date('2024-03-04T05:06:07Z') })).toBe(
      'run-42-1|2024-03-04T05:06:07.000Z',
    );
  });

  test('property: a formatted lease parses back to itself', () => {
    fc.assert(
      fc.property(holder, instant, (h, expiresAt) => {
        expect(parseLease(formatLease({ holder: h, expiresAt }))).toEqual({ holder: h, expiresAt });
      }),
    );
  });

  test('property: parsing arbitrary text never throws', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const lease = parseLease(text);
        if (lease !== undefined) expect(formatLease(lease)).toBe(text);
      }),
    );
  });

  test.each([
    '',
    'run-1',
    '|2024-03-04T05:06:07.000Z',
    'run-1|',
    'run-1|tomorrow',
    'run-1|2024-03-04T05:06:07Z',
    'run-1|2024-02-31T05:06:07.000Z',
    'run-1|2024-03-04T05:06:07.000Z trailing',
  ])('%j is not a lease', (text) => {
    expect(parseLease(text)).toBeUndefined();
  });

  test.each([
    [{ holder: '', expiresAt: new Date(0) }, /non-empty text without "\|"/],
    [{ holder: 'a|b', expiresAt: new Date(0) }, /without "\|"/],
    [{ holder: 'x'.repeat(76), expiresAt: new Date(0) }, /at most 75 characters/],
    [{ holder: 'run', expiresAt: new Date(Number.NaN) }, /valid date/],
  ])('refuses %j', (lease, message) => {
    expect(() => formatLease(lease)).toThrow(message);
  });
});

describe('fence names', () => {
  test('the same expired lease gives the same fence; another lease or lock gives another', () => {
    const a = fenceName('🎪 🔒 pr-1', 'run-1|2024-03-04T05:06:07.000Z');
    expect(fenceName('🎪 🔒 pr-1', 'run-1|2024-03-04T05:06:07.000Z')).toBe(a);
    expect(fenceName('🎪 🔒 pr-1', 'run-2|2024-03-04T05:06:07.000Z')).not.toBe(a);
    expect(fenceName('🎪 🔒 pr-2', 'run-1|2024-03-04T05:06:07.000Z')).not.toBe(a);
    expect(a).toMatch(/^🎪 🔒 pr-1 ⛓ [0-9a-f]{8}$/);
  });

  test('property: a fence name always fits GitHub’s 50-character limit and starts with the lock name', () => {
    const name = fc.string({ unit: fc.constantFrom('a', '🎪', ' ', '-'), minLength: 1, maxLength: 50 });
    fc.assert(
      fc.property(name, fc.string(), (lock, description) => {
        const fence = fenceName(lock, description);
        expect(characters(fence)).toBeLessThanOrEqual(50);
        expect(lock.startsWith([...fence].slice(0, Math.min(characters(lock), 39)).join(''))).toBe(true);
      }),
    );
  });
});
