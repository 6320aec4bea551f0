import fc from 'fast-check';
import {
  isSha7,
  parseFullSha,
  requireSha,
  requireSha7,
  sha7Of,
  describeTtl,
  FORMS,
  formatDuration,
  formatTime,
  MAX_FLAG_LENGTH,
  MAX_TTL_HOURS,
  formatTtl,
  parseFlag,
  parseLogin,
  parseSha,
  parseSize,
  parseTtl,
  toSha7,
  ttlDeadline,
} from '../../src/core/values.js';
import type { Ttl } from '../../src/core/types.js';

const FULL = 'abc123f' + '0'.repeat(33);

describe('toSha7 / parseSha', () => {
  test.each([
    ['abc123f', 'abc123f', 'abc123f'],
    [FULL, 'abc123f', FULL],
    ['ABC123F', undefined, undefined],
    ['abc123', undefined, undefined],
    ['abc123fa', undefined, undefined],
    [FULL + '0', undefined, undefined],
    ['abc123g', undefined, undefined],
    ['', undefined, undefined],
    [' abc123f', undefined, undefined],
  ])('%j -> sha7 %j, sha %j', (text, sha7, sha) => {
    expect(toSha7(text)).toBe(sha7);
    expect(parseSha(text)).toBe(sha);
  });
});

describe('parseFlag', () => {
  test.each([
    ['ALERTS', 'ALERTS'],
    ['ALERT_REPORTS', 'ALERT_REPORTS'],
    ['A1_B2', 'A1_B2'],
    ['SUPERSET_FEATURE_ALERTS', 'ALERTS'],
    ['SUPERSET_FEATURE_', undefined],
    ['alerts', undefined],
    ['ALERTS-X', undefined],
    ['', undefined],
    ['A'.repeat(MAX_FLAG_LENGTH), 'A'.repeat(MAX_FLAG_LENGTH)],
    ['A'.repeat(MAX_FLAG_LENGTH + 1), undefined],
    ['SUPERSET_FEATURE_' + 'A'.repeat(MAX_FLAG_LENGTH), 'A'.repeat(MAX_FLAG_LENGTH)],
  ])('%j -> %j', (text, flag) => {
    expect(parseFlag(text)).toBe(flag);
  });
});

describe('parseSize', () => {
  test.each([
    ['small', 'small'],
    ['medium', 'medium'],
    ['large', 'large'],
    ['Large', undefined],
    ['xl', undefined],
    ['', undefined],
  ])('%j -> %j', (text, size) => {
    expect(parseSize(text)).toBe(size);
  });
});

describe('parseTtl / formatTtl', () => {
  test.each<[string, Ttl | undefined]>([
    ['1h', { kind: 'duration', hours: 1 }],
    ['24h', { kind: 'duration', hours: 24 }],
    ['48h', { kind: 'duration', hours: 48 }],
    ['2d', { kind: 'duration', hours: 48 }],
    ['4w', { kind: 'duration', hours: MAX_TTL_HOURS }],
    ['28d', { kind: 'duration', hours: MAX_TTL_HOURS }],
    ['672h', { kind: 'duration', hours: 672 }],
    ['673h', undefined],
    ['5w', undefined],
    ['0h', undefined],
    ['01h', undefined],
    ['12345h', undefined],
    ['1y', undefined],
    ['h', undefined],
    ['-1h', undefined],
    ['close', { kind: 'close' }],
    ['manual', { kind: 'manual' }],
    ['Close', undefined],
    ['', undefined],
  ])('parseTtl(%j) -> %j', (text, ttl) => {
    expect(parseTtl(text)).toEqual(ttl);
  });

  test.each<[Ttl, string]>([
    [{ kind: 'duration', hours: 1 }, '1h'],
    [{ kind: 'duration', hours: 36 }, '36h'],
    [{ kind: 'duration', hours: 48 }, '2d'],
    [{ kind: 'duration', hours: 168 }, '1w'],
    [{ kind: 'duration', hours: 336 }, '2w'],
    [{ kind: 'duration', hours: 192 }, '8d'],
    [{ kind: 'close' }, 'close'],
    [{ kind: 'manual' }, 'manual'],
  ])('formatTtl(%j) -> %j', (ttl, text) => {
    expect(formatTtl(ttl)).toBe(text);
  });

  test('every valid duration round-trips through its canonical text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_TTL_HOURS }), (hours) => {
        expect(parseTtl(formatTtl({ kind: 'duration', hours }))).toEqual({ kind: 'duration', hours });
      }),
    );
  });

  test('parseTtl never throws', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        parseTtl(text);
      }),
    );
  });
});

describe('ttlDeadline', () => {
  const created = new Date('2024-01-15T14:30:00Z');
  test.each<[Ttl, string | undefined]>([
    [{ kind: 'duration', hours: 24 }, '2024-01-16T14:30:00.000Z'],
    [{ kind: 'duration', hours: 1 }, '2024-01-15T15:30:00.000Z'],
    [{ kind: 'close' }, undefined],
    [{ kind: 'manual' }, undefined],
  ])('%j -> %j', (ttl, deadline) => {
    expect(ttlDeadline(ttl, created)?.toISOString()).toBe(deadline);
  });
});

describe('parseLogin', () => {
  test.each([
    ['maxime', 'maxime'],
    ['Maxime-B', 'Maxime-B'],
    ['a', 'a'],
    ['a'.repeat(39), 'a'.repeat(39)],
    ['a'.repeat(40), undefined],
    ['dependabot[bot]', 'dependabot[bot]'],
    ['a'.repeat(39) + '[bot]', 'a'.repeat(39) + '[bot]'],
    ['[bot]', undefined],
    ['-max', undefined],
    ['max-', undefined],
    ['ma--x', undefined],
    ['max_b', undefined],
    ['max b', undefined],
    ['', undefined],
  ])('%j -> %j', (text, login) => {
    expect(parseLogin(text)).toBe(login);
  });
});

test('FORMS names an accepted form for every value kind', () => {
  expect(Object.keys(FORMS).sort()).toEqual(['commit', 'flag', 'login', 'sha', 'size', 'ttl']);
  expect(FORMS.size).toBe('small, medium, large');
});

describe('one format for moments and durations', () => {
  test.each([
    ['2026-12-02T14:05:00Z', '2026-12-02 14:05 UTC'],
    ['2026-12-02T14:05:59.999Z', '2026-12-02 14:05 UTC'],
    ['2027-01-01T00:00:00Z', '2027-01-01 00:00 UTC'],
  ])('%s reads %s', (iso, text) => {
    expect(formatTime(new Date(iso))).toBe(text);
  });

  test.each([
    [{ kind: 'duration', hours: 36 }, '36h'],
    [{ kind: 'duration', hours: 48 }, '2d'],
    [{ kind: 'duration', hours: 72 }, '3d'],
    [{ kind: 'duration', hours: 73 }, '3d 1h'],
    [{ kind: 'close' }, 'until the PR closes'],
    [{ kind: 'manual' }, 'until stopped'],
  ] as const)('TTL %j reads %s, in formatDuration style', (ttl, text) => {
    expect(describeTtl(ttl)).toBe(text);
    if (ttl.kind === 'duration') expect(formatDuration(ttl.hours * 3_600_000)).toBe(text);
  });
});

describe('a full SHA and its sha7 are told apart', () => {
  const full = 'abc123f'.padEnd(40, '0');
  test.each([
    ['a full SHA', full, full, 'abc123f'],
    ['a sha7', 'abc123f', undefined, 'abc123f'],
    ['uppercase', full.toUpperCase(), undefined, undefined],
    ['41 characters', `${full}0`, undefined, undefined],
    ['not hex', 'abc123g'.padEnd(40, '0'), undefined, undefined],
  ])('%s', (_name, text, asFull, asSha7) => {
    expect(parseFullSha(text)).toBe(asFull);
    expect(isSha7(text)).toBe(text.length === 7 && asSha7 !== undefined);
    if (asFull === undefined) expect(() => requireSha(text)).toThrow(`SHA "${text}" is not ${FORMS.commit}`);
    else expect(sha7Of(requireSha(text))).toBe(asSha7);
    if (asSha7 === undefined) expect(() => requireSha7(text)).toThrow(`SHA "${text}" is not ${FORMS.sha}`);
    else expect(requireSha7(text)).toBe(asSha7);
  });

  test('sha7Of of any full SHA is its first 7 characters, and a sha7', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 40, maxLength: 40 }),
        (text) => {
          const sha7 = sha7Of(requireSha(text));
          expect(sha7).toBe(text.slice(0, 7));
          expect(isSha7(sha7)).toBe(true);
        },
      ),
    );
  });
});
