import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  matchesQuery,
  parseDateRange,
  parseSearchQuery,
  splitValues,
  tokenize,
} from '../../test-support/github-emulator/search.js';
import type { SearchQuery, Searchable } from '../../test-support/github-emulator/search.js';
import { parseLinkHeader, startEmulator } from '../../test-support/github-emulator/index.js';
import type { Emulator, SeedPull } from '../../test-support/github-emulator/index.js';
import { client, pathOf } from './helpers.js';
import type { Call, ErrorJson, SearchJson } from './helpers.js';

const TRACKED = '🎪 🎟️ showtime-tracked';

function parsed(q: string): SearchQuery {
  const result = parseSearchQuery(q);
  if (!result.ok) throw new Error(`expected "${q}" to parse, got: ${result.message}`);
  return result.query;
}

describe('parseSearchQuery', () => {
  test.each([
    ['a word', 'sesame', { text: ['sesame'] }],
    ['a quoted phrase', '"open sesame"', { text: ['open sesame'] }],
    ['repo', 'repo:Apache/Superset', { repos: ['apache/superset'] }],
    ['is:pr is:open', 'is:pr is:open', { types: ['pr'], states: ['open'] }],
    ['state and type', 'state:closed type:issue', { types: ['issue'], states: ['closed'] }],
    ['one label', 'label:bug', { labels: [['bug']] }],
    ['a quoted emoji label', `label:"${TRACKED}"`, { labels: [[TRACKED.toLowerCase()]] }],
    ['OR within one qualifier', 'label:"a b","c"', { labels: [['a b', 'c']] }],
    ['AND across qualifiers', 'label:a label:b', { labels: [['a'], ['b']] }],
    ['an excluded label', '-label:wip', { excludedLabels: ['wip'] }],
    ['no:label', 'no:label', { noLabel: true }],
    ['author', 'author:Alice -author:bob', { authors: ['alice'], excludedAuthors: ['bob'] }],
    ['in:title', 'in:title x', { textIn: ['title'], text: ['x'] }],
    ['an unknown qualifier is text', 'foo:bar', { text: ['foo:bar'] }],
    ['AND is implicit', 'a AND b', { text: ['a', 'b'] }],
  ])('%s', (_what, q, expected) => {
    expect(parsed(q)).toMatchObject(expected);
  });

  test.each([
    ['an empty query', '   ', 'must not be empty'],
    ['a query over 256 characters', `repo:a/b ${'x'.repeat(250)}`, 'longer than 256 characters'],
    ['six operators', 'a AND b AND c AND d AND e AND f AND g', 'More than 5'],
    ['OR between terms', 'a OR b', 'does not support the OR operator'],
    ['an unsupported qualifier', 'assignee:bob', 'does not support the assignee: search qualifier'],
    ['an unsupported is: value', 'is:merged', 'not is:merged'],
    ['a bad repo', 'repo:nope', 'expected repo:owner/name'],
    ['a bad date', 'created:yesterday', 'Invalid created: qualifier'],
    ['an impossible date', 'created:2024-02-30', 'Invalid created: qualifier'],
    ['a negated qualifier without negation support', '-is:open', 'negation is implemented'],
  ])('rejects %s with a message', (_what, q, message) => {
    const result = parseSearchQuery(q);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(message);
  });

  test('256 characters are allowed, counted as characters not UTF-16 units', () => {
    const at = (n: number) => `label:"${'🎪'.repeat(n)}"`;
    expect([...at(248)].length).toBe(256);
    expect(parseSearchQuery(at(248)).ok).toBe(true);
    expect(parseSearchQuery(at(249)).ok).toBe(false);
  });

  test('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (q) => {
        const result = parseSearchQuery(q);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });

  test('tokens re-joined with spaces give back the query when it has single spaces and balanced quotes', () => {
    const word = fc.stringMatching(/^[a-z:"-]{1,8}$/).filter((w) => (w.match(/"/g) ?? []).length % 2 === 0);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 10 }), (words) => {
        expect(tokenize(words.join(' '))).toEqual(words);
      }),
    );
  });

  test('label values round-trip through quoting and commas', () => {
    const name = fc
      .array(fc.constantFrom('a', 'z', '0', ' ', '🎪', '_', '-', ',', ':'), { minLength: 1, maxLength: 10 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 5 }), (names) => {
        expect(splitValues(names.map((n) => `"${n}"`).join(','))).toEqual(names);
      }),
    );
  });
});

describe('parseDateRange', () => {
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const endOf = (d: string) => day(d) + 86_400_000 - 1;
  test.each([
    ['2024-01-01', { from: day('2024-01-01'), to: endOf('2024-01-01') }],
    ['2024-01-01..2024-02-01', { from: day('2024-01-01'), to: endOf('2024-02-01') }],
    ['2024-01-01..*', { from: day('2024-01-01') }],
    ['*..2024-02-01', { to: endOf('2024-02-01') }],
    ['>2024-01-01', { from: endOf('2024-01-01') + 1 }],
    ['>=2024-01-01', { from: day('2024-01-01') }],
    ['<2024-01-01', { to: day('2024-01-01') - 1 }],
    ['<=2024-01-01', { to: endOf('2024-01-01') }],
    ['>2024-01-01T10:00:00Z', { from: Date.parse('2024-01-01T10:00:00Z') + 1 }],
    ['<2024-01-01T10:00:00+02:00', { to: Date.parse('2024-01-01T08:00:00Z') - 1 }],
  ])('%s', (value, expected) => {
    expect(parseDateRange(value)).toEqual(expected);
  });

  test.each(['', 'soon', '2024-13-01', '2024-01-01..', '..2024-01-01', '>', '2024-1-1'])(
    'rejects "%s"',
    (value) => {
      expect(parseDateRange(value)).toBeUndefined();
    },
  );
});

describe('matchesQuery', () => {
  const item: Searchable = {
    repo: 'apache/superset',
    number: 1,
    title: 'Open sesame',
    body: 'the doors',
    author: 'alice',
    state: 'open',
    isPull: true,
    labels: ['Bug', TRACKED],
    createdAt: '2024-01-15T12:00:00Z',
    updatedAt: '2024-01-20T12:00:00Z',
    closedAt: null,
    comments: 0,
  };
  test.each([
    ['repo:apache/superset is:pr is:open', true],
    ['repo:apache/other', false],
    ['is:issue', false],
    ['is:pr is:issue', false],
    ['is:closed', false],
    ['label:bug', true],
    [`label:"${TRACKED}"`, true],
    ['label:"nope","bug"', true],
    ['label:bug label:nope', false],
    ['-label:bug', false],
    ['no:label', false],
    ['created:2024-01-01..2024-02-01', true],
    ['created:>2024-01-15', false],
    ['created:>=2024-01-15', true],
    ['created:<2024-01-15', false],
    ['updated:2024-01-20', true],
    ['closed:>2020-01-01', false],
    ['sesame doors', true],
    ['in:title doors', false],
    ['author:ALICE', true],
    ['-author:alice', false],
    ['user:apache', true],
    ['org:other', false],
  ])('%s → %s', (q, expected) => {
    expect(matchesQuery(parsed(q), item)).toBe(expected);
  });
});

describe('GET /search/issues', () => {
  let emu: Emulator;
  let call: Call;
  const q = (text: string, extra = '') => `/search/issues?q=${encodeURIComponent(text)}${extra}`;

  beforeAll(async () => {
    const pulls: SeedPull[] = Array.from({ length: 1050 }, (_, i) => ({
      number: i + 1,
      title: `PR ${i + 1}`,
      author: i % 2 === 0 ? 'alice' : 'bob',
      state: i % 10 === 0 ? ('closed' as const) : ('open' as const),
      labels: i < 150 ? [TRACKED] : i < 160 ? ['bug'] : [],
      createdAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
    }));
    emu = await startEmulator({
      seed: {
        rateLimits: { search: 1000 },
        repositories: [
          {
            owner: 'apache',
            name: 'superset',
            pulls,
            issues: [{ number: 2000, title: 'An issue', labels: ['bug'] }],
          },
          { owner: 'other', name: 'repo', pulls: [{ number: 1, labels: ['bug'] }] },
        ],
      },
    });
    call = client(emu);
  });

  afterAll(async () => {
    await emu.stop();
  });

  test('label OR within one qualifier, AND across qualifiers, repo and type filters', async () => {
    const either = await call<SearchJson>('GET', q(`repo:apache/superset is:pr label:"${TRACKED}","bug"`));
    expect(either.body.total_count).toBe(160);
    const both = await call<SearchJson>('GET', q(`repo:apache/superset label:"${TRACKED}" label:bug`));
    expect(both.body.total_count).toBe(0);
    const issues = await call<SearchJson>('GET', q('repo:apache/superset is:issue label:bug'));
    expect(issues.body.items.map((i) => i.number)).toEqual([2000]);
    expect(issues.body.items[0]?.pull_request).toBeUndefined();
    const everywhere = await call<SearchJson>('GET', q('is:pr label:bug'));
    expect(everywhere.body.total_count).toBe(11);
  });

  test('state qualifiers', async () => {
    const closed = await call<SearchJson>(
      'GET',
      q(`repo:apache/superset is:pr is:closed label:"${TRACKED}"`),
    );
    expect(closed.body.total_count).toBe(15);
    const open = await call<SearchJson>('GET', q(`repo:apache/superset state:open label:"${TRACKED}"`));
    expect(open.body.total_count).toBe(135);
  });

  test('created ranges', async () => {
    const firstDay = await call<SearchJson>('GET', q('repo:apache/superset is:pr created:2024-01-01'));
    expect(firstDay.body.total_count).toBe(24);
    const before = await call<SearchJson>('GET', q('repo:apache/superset is:pr created:<2024-01-02'));
    expect(before.body.total_count).toBe(24);
    const after = await call<SearchJson>('GET', q('repo:apache/superset is:pr created:>2024-02-12'));
    expect(after.body.total_count).toBe(1050 - 43 * 24);
  });

  test('results embed labels and sort by created asc/desc', async () => {
    const asc = await call<SearchJson>('GET', q(`label:"${TRACKED}"`, '&sort=created&order=asc&per_page=3'));
    expect(asc.body.items.map((i) => i.number)).toEqual([1, 2, 3]);
    expect(asc.body.items[0]?.labels.map((l) => l.name)).toEqual([TRACKED]);
    const desc = await call<SearchJson>(
      'GET',
      q(`label:"${TRACKED}"`, '&sort=created&order=desc&per_page=3'),
    );
    expect(desc.body.items.map((i) => i.number)).toEqual([150, 149, 148]);
  });

  test('more than 100 results: pages of 100 with Link headers, total_count is the real count', async () => {
    const first = await call<SearchJson>('GET', q(`label:"${TRACKED}"`, '&per_page=100'));
    expect(first.body).toMatchObject({ total_count: 150, incomplete_results: false });
    expect(first.body.items).toHaveLength(100);
    const next = parseLinkHeader(first.headers.get('link'))['next'];
    const second = await call<SearchJson>('GET', pathOf(next));
    expect(second.body.items).toHaveLength(50);
    const seen = new Set([...first.body.items, ...second.body.items].map((i) => i.number));
    expect(seen.size).toBe(150);
  });

  test('at most 1,000 results are reachable; total_count still says how many matched', async () => {
    const last = await call<SearchJson>('GET', q('repo:apache/superset is:pr', '&per_page=100&page=10'));
    expect(last.body.total_count).toBe(1050);
    expect(last.body.items).toHaveLength(100);
    expect(parseLinkHeader(last.headers.get('link'))['next']).toBeUndefined();
    const beyond = await call<ErrorJson>('GET', q('repo:apache/superset is:pr', '&per_page=100&page=11'));
    expect(beyond.status).toBe(422);
    expect(beyond.body.message).toBe('Only the first 1000 search results are available');
    const lastLink = parseLinkHeader(
      (await call('GET', q('repo:apache/superset is:pr', '&per_page=30'))).headers.get('link'),
    )['last'];
    expect(lastLink).toContain('page=34');
    const tail = await call<SearchJson>('GET', pathOf(lastLink));
    expect(tail.body.items).toHaveLength(10);
  });

  test.each([
    ['no q', '/search/issues', 'missing'],
    ['a q over 256 characters', q(`repo:apache/superset ${'a'.repeat(260)}`), 'invalid'],
    ['an unsupported sort', q('is:pr', '&sort=reactions'), 'invalid'],
  ])('%s → 422', async (_what, path, code) => {
    const res = await call<ErrorJson>('GET', path);
    expect(res.status).toBe(422);
    expect(res.body.errors?.[0]?.code).toBe(code);
  });

  test('search is rate limited on its own resource', async () => {
    const res = await call('GET', q('is:pr'));
    expect(res.headers.get('x-ratelimit-resource')).toBe('search');
    expect(res.headers.get('x-ratelimit-limit')).toBe('1000');
  });
});
