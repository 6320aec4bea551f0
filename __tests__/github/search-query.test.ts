import fc from 'fast-check';
import {
  MAX_QUERY_LENGTH,
  buildSearchQueries,
  floorToSecond,
  splitRange,
  withCreatedRange,
} from '../../src/github/search-query.js';

const repo = { owner: 'apache', repo: 'superset' };
const WIDEST_RANGE = { from: new Date('2008-01-01T00:00:00Z'), to: new Date('2099-12-31T23:59:59Z') };

describe('buildSearchQueries', () => {
  test.each([
    [['a'], 'open', ['is:pr repo:apache/superset is:open label:"a"']],
    [['a'], 'closed', ['is:pr repo:apache/superset is:closed label:"a"']],
    [['a'], 'all', ['is:pr repo:apache/superset label:"a"']],
    [
      ['🎪 🎟️ showtime-tracked', 'testenv-up'],
      'all',
      ['is:pr repo:apache/superset label:"🎪 🎟️ showtime-tracked","testenv-up"'],
    ],
    [['Bug', 'bug', 'BUG'], 'open', ['is:pr repo:apache/superset is:open label:"Bug"']],
  ] as const)('%j %s', (labels, state, expected) => {
    expect(buildSearchQueries(repo, [...labels], state)).toEqual(expected);
  });

  test('splits many labels into several queries, each still fitting with a created: range', () => {
    const labels = Array.from({ length: 40 }, (_, i) => `🎪 label-number-${i}`);
    const queries = buildSearchQueries(repo, labels, 'all');
    expect(queries.length).toBeGreaterThan(1);
    for (const q of queries)
      expect(withCreatedRange(q, WIDEST_RANGE).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
  });

  test.each([
    [[], /at least one label/],
    [['say "hi"'], /cannot quote a label/],
  ])('refuses %j', (labels, message) => {
    expect(() => buildSearchQueries(repo, labels, 'all')).toThrow(message);
  });

  test('refuses a label that cannot fit even alone', () => {
    const longRepo = { owner: 'o'.repeat(39), repo: 'r'.repeat(100) };
    expect(() => buildSearchQueries(longRepo, ['x'.repeat(50)], 'open')).toThrow(/exceed 256 characters/);
  });

  test('property: every label is asked exactly once and every query fits with a range', () => {
    const label = fc
      .string({ unit: fc.constantFrom('a', 'B', '-', ' ', '🎪', '🚦', '1'), minLength: 1, maxLength: 50 })
      .filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(
        fc.array(label, { minLength: 1, maxLength: 60 }),
        fc.constantFrom('open', 'closed', 'all'),
        (labels, state) => {
          const queries = buildSearchQueries(repo, labels, state as 'open' | 'closed' | 'all');
          const asked: string[] = [];
          for (const q of queries) {
            expect(withCreatedRange(q, WIDEST_RANGE).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
            const match = /label:(.*)$/.exec(q);
            expect(match).not.toBeNull();
            asked.push(...(match?.[1] ?? '').split('","').map((t) => t.replace(/^"|"$/g, '')));
          }
          const expected = [...new Map(labels.map((l) => [l.toLowerCase(), l])).keys()].sort();
          expect(asked.map((l) => l.toLowerCase()).sort()).toEqual(expected);
        },
      ),
    );
  });
});

describe('created ranges', () => {
  test('formats both ends in whole seconds, UTC as Z (a + would reach GitHub as a space)', () => {
    expect(
      withCreatedRange('is:pr', {
        from: new Date('2024-01-02T03:04:05.678Z'),
        to: new Date('2024-02-03T04:05:06Z'),
      }),
    ).toBe('is:pr created:2024-01-02T03:04:05Z..2024-02-03T04:05:06Z');
  });

  test.each([
    ['2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'],
    ['2024-01-01T00:00:00.999Z', '2024-01-01T00:00:00.001Z'],
  ])('a single second (%s..%s) cannot be split', (from, to) => {
    expect(splitRange({ from: new Date(from), to: new Date(to) })).toBeUndefined();
  });

  test.each([
    ['2024-01-01T00:00:00Z', '2024-01-01T00:00:01Z', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:01.000Z'],
    ['2024-01-01T00:00:00Z', '2024-01-01T00:00:10Z', '2024-01-01T00:00:05.000Z', '2024-01-01T00:00:06.000Z'],
  ])('%s..%s splits after %s', (from, to, firstEnd, secondStart) => {
    const halves = splitRange({ from: new Date(from), to: new Date(to) });
    expect(halves?.[0].to.toISOString()).toBe(firstEnd);
    expect(halves?.[1].from.toISOString()).toBe(secondStart);
  });

  test('property: the halves cover the range exactly, without overlap, and are each smaller', () => {
    const second = fc.integer({ min: 1_199_145_600, max: 4_102_444_800 });
    fc.assert(
      fc.property(second, second, (a, b) => {
        const range = { from: new Date(Math.min(a, b) * 1000), to: new Date(Math.max(a, b) * 1000) };
        const halves = splitRange(range);
        if (a === b) return expect(halves).toBeUndefined();
        const [left, right] = halves!;
        expect(left.from).toEqual(range.from);
        expect(right.to).toEqual(range.to);
        expect(right.from.getTime() - left.to.getTime()).toBe(1000);
        expect(left.to.getTime()).toBeGreaterThanOrEqual(left.from.getTime());
        expect(right.to.getTime()).toBeGreaterThanOrEqual(right.from.getTime());
        const span = (r: typeof range) => r.to.getTime() - r.from.getTime();
        expect(span(left)).toBeLessThan(span(range));
        expect(span(right)).toBeLessThan(span(range));
      }),
    );
  });

  test('floorToSecond drops the milliseconds', () => {
    expect(floorToSecond(new Date('2024-05-06T07:08:09.999Z')).toISOString()).toBe(
      '2024-05-06T07:08:09.000Z',
    );
  });
});
